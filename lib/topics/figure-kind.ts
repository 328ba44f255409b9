// The shape of a story's figure kinds, for the figures-over-time view (lib/timeline.ts).
// Kept in its own file so a topic pack can list its kinds beside its lexicon.

/**
 * One kind of figure a story's reports keep giving and revising (troops sent, troops at the
 * front, killed…). Each count a claim states is read as the first kind, in the pack's order,
 * whose conditions it meets.
 */
export interface FigureKind {
  /** Stable id (the CLI's JSON, tests): "troops-sent". */
  id: string;
  /** Shown to the reader: "Troops sent". */
  label: string;
  /** Families of counted things (lib/quantities.ts `family`) this kind counts. */
  families: readonly string[];
  /**
   * Where the count must stand, read on the words right after its phrase (its own clause):
   * "3,000 soldiers have been positioned near the front line". Absent: anywhere.
   */
  near?: RegExp;
  /** Whose forces: a claim about another actor's forces is not counted (one naming nobody's is). Absent: anyone's. */
  force?: string;
}

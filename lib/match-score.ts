// How relevant one claim is to another, 0..1: the same event, the same kind of count,
// the same forces, the same actors, the same position taken, plus how much of their
// wording they share (measured in lib/match.ts). Features that neither claim has (no
// counts on either side, say) drop out and the rest are renormalised, so a denial is
// scored against denials on the same footing as a count against counts.
//
// The structural features are computed on a claim's signature: its event families,
// counted units, actors and places as bit sets. That keeps a pair's score to a few bit
// operations, cheap enough for the matcher to preview thousands of candidates exactly.

import type { ExtractedClaim } from './claims';
import { compilePack } from './topics/compile';
import type { TopicPack } from './topics/types';

/** Weights of the relevance features. Only those that apply to a pair count, renormalised to 0..1. */
export const SCORE_WEIGHTS = {
  /** Shared wording (fuzzy, IDF-weighted). */
  text: 0.3,
  /** Same event family (deployment, casualties, withdrawal…). */
  events: 0.25,
  /** Counts of the same thing. */
  counts: 0.15,
  /** The same side's forces. */
  force: 0.08,
  /** Both deny or stay silent on the same event, or one asserts what the other denies (or what it will not itself confirm). */
  position: 0.1,
  /** The same original source (half for another source of the same side: Zelensky and Ukraine's intelligence). */
  source: 0.15,
  /** The same role (intelligence personnel, combat troops). */
  role: 0.03,
  /** The same place. */
  place: 0.03,
  /** The same period: background dated well before its report ("In September 2023, …") is apart from news. */
  time: 0.05,
  /**
   * The same actors named. Nearly every sentence of the story names North Korea and Russia,
   * so this says little; events and forces carry who did what.
   */
  actors: 0.02,
} as const;

export type FeatureName = keyof typeof SCORE_WEIGHTS;
/** Each feature 0..1, or null when neither claim has it. */
export type Features = Record<FeatureName, number | null>;

/** Counted families, and the groups close enough to be compared as "related" counts. */
const COUNT_FAMILIES = ['troops', 'brigades', 'battalions', 'regiments', 'divisions', 'generals', 'observers', 'workers', 'killed', 'wounded', 'captured', 'casualties'];
const RELATED_COUNT_GROUPS = [
  ['troops', 'brigades', 'battalions', 'regiments', 'divisions', 'generals'],
  ['killed', 'wounded', 'captured', 'casualties'],
].map((g) => g.reduce((mask, f) => mask | bit(COUNT_FAMILIES, f), 0));

/**
 * 0..1 affinity of two event families (1 for the same specific family). How much sharing a
 * family says is the pack's specificity: war reporting mentions combat, ties and
 * condemnation in nearly every sentence; sharing a deployment, casualties or a pact says more.
 */
export function familyAffinity(a: string, b: string, pack: TopicPack): number {
  const specificityOf = compilePack(pack).familySpecificity;
  const specificity = Math.min(specificityOf[a] ?? 1, specificityOf[b] ?? 1);
  if (a === b) return specificity;
  return specificity * (pack.eventAffinity[a]?.[b] ?? pack.eventAffinity[b]?.[a] ?? 0);
}

/** A pack's ids in bit order, and familyAffinity by family index. */
interface BitTables {
  families: string[];
  actorIds: string[];
  placeIds: string[];
  affinity: number[][];
}
const bitTables = new WeakMap<TopicPack, BitTables>();
function bitTablesOf(pack: TopicPack): BitTables {
  let t = bitTables.get(pack);
  if (!t) {
    const families = pack.events.map((e) => e.family);
    t = {
      families,
      actorIds: pack.actors.map((a) => a.id),
      placeIds: pack.places.map((p) => p.id),
      affinity: families.map((a) => families.map((b) => familyAffinity(a, b, pack))),
    };
    bitTables.set(pack, t);
  }
  return t;
}

/** What the structural features read from a claim, as bit sets and ids. */
export interface ClaimSignature {
  /** Bit per event family (the pack's order). */
  events: number;
  /** The pack's family affinities by bit (shared by every signature of one pack). */
  affinity: readonly (readonly number[])[];
  /** Families denied or met with silence, each with the actors who did so (bit per ACTORS entry), and whether it was silence. */
  negatives: { family: number; actors: number; silent: boolean }[];
  /** Families of things given with whom they go to, where the sentence says (arms supplies to Russia: bit per actor). */
  recipients: { family: number; to: number }[];
  /** Bit per actor the claim's source speaks for (its sourceSides). */
  speakerActors: number;
  /** Bit per counted family. */
  counts: number;
  /** Bit per actor named. */
  actors: number;
  force: string | null;
  forceStrong: boolean;
  source: string | null;
  /** The states or bodies the source speaks for, with those named as saying it too ("Seoul and Washington said"). */
  sourceSides: string[];
  role: string | null;
  /** Bit per place. */
  places: number;
  historical: boolean;
}

const signatures = new WeakMap<ExtractedClaim, ClaimSignature>();

/** The claim's signature (computed once per claim object: a claim is read with one pack). */
export function signatureOf(c: ExtractedClaim, pack: TopicPack): ClaimSignature {
  let s = signatures.get(c);
  if (!s) signatures.set(c, (s = readSignature(c, pack)));
  return s;
}

/**
 * The claim's signature, read afresh and kept nowhere: for admission's table, which keeps one
 * signature per distinct signature (about 2,000 for 100,000 claims) rather than one per claim.
 */
export function readSignature(c: ExtractedClaim, pack: TopicPack): ClaimSignature {
  const { families: FAMILIES, actorIds: ACTOR_IDS, placeIds: PLACE_IDS, affinity } = bitTablesOf(pack);
  let events = 0;
  const source = c.attribution ?? c.speaker;
  const negatives: { family: number; actors: number; silent: boolean }[] = [];
  const recipients: { family: number; to: number }[] = [];
  // An event that is only the setting of a sentence's news ("… as North Korea sends troops")
  // does not make it evidence on that event, unless the sentence has no other telling event.
  // Nor does one it voices concern about, when it has the reaction's own event: a worried
  // statement is answered by other reactions, as stance reads it ('concern about deployment
  // vs a statement of it' is only related).
  const generic = compilePack(pack).flagged.generic;
  const foreground = c.events.some((e) => !e.background && !generic.has(e.family));
  const reacts = c.events.some((e) => !e.concern && !e.background);
  for (const e of c.events) {
    if ((e.background && foreground) || (e.concern && reacts)) continue;
    const i = FAMILIES.indexOf(e.family);
    if (i < 0) continue;
    events |= 1 << i;
    if (e.polarity !== 'asserts') negatives.push({ family: 1 << i, actors: e.actors.reduce((m, a) => m | bit(ACTOR_IDS, a), 0), silent: e.polarity === 'no-comment' });
    if (e.recipient) recipients.push({ family: 1 << i, to: bit(ACTOR_IDS, e.recipient) });
  }
  const sourceSides = source ? [source, ...c.jointSources].map((s) => sideOf(s, pack)).filter((s): s is string => s !== null) : [];
  return {
    events,
    affinity,
    negatives,
    recipients,
    counts: c.quantities.reduce((m, q) => m | bit(COUNT_FAMILIES, q.family), 0),
    actors: c.actors.reduce((m, a) => m | bit(ACTOR_IDS, a), 0),
    force: c.force,
    forceStrong: c.forceEvidence === 'strong',
    source,
    sourceSides,
    speakerActors: sourceSides.reduce((m, a) => m | bit(ACTOR_IDS, a), 0),
    role: c.role,
    // A place as broad as "the front line" tells two incidents neither together nor apart.
    places: c.places.reduce((m, p) => (pack.broadPlaces.includes(p) ? m : m | bit(PLACE_IDS, p)), 0),
    historical: c.historical,
  };
}

/** The structural features of a pair (text is left null: it is measured elsewhere). */
export function structuralFeatures(a: ExtractedClaim, b: ExtractedClaim, pack: TopicPack): Features {
  return signatureFeatures(signatureOf(a, pack), signatureOf(b, pack));
}

/** Every structural feature of a pair of signatures (text left null). */
export function signatureFeatures(a: ClaimSignature, b: ClaimSignature): Features {
  const F = FEATURE_SCORES;
  return {
    text: null,
    events: F.events(a, b),
    counts: F.counts(a, b),
    force: F.force(a, b),
    actors: F.actors(a, b),
    position: F.position(a, b),
    source: F.source(a, b),
    role: F.role(a, b),
    place: F.place(a, b),
    time: F.time(a, b),
  };
}

/** The features other than the text similarity: those a pair's signatures decide alone. */
export type StructuralFeature = Exclude<FeatureName, 'text'>;

/**
 * Each structural feature of two signatures, 0..1, or null when neither claim has it. One
 * at a time for lib/signature-lines.ts, which judges each feature only against the values of
 * the fields it reads; all at once in signatureFeatures.
 */
export const FEATURE_SCORES: { readonly [K in StructuralFeature]: (a: ClaimSignature, b: ClaimSignature) => number | null } = {
  events: (a, b) => (a.events || b.events ? eventsScore(a, b) : null),
  counts: (a, b) => countsScore(a.counts, b.counts),
  force: forceScore,
  actors: (a, b) => (a.actors || b.actors ? popcount(a.actors & b.actors) / popcount(a.actors | b.actors) : 0),
  position: positionScore,
  source: (a, b) => (a.source && b.source ? sourceScore(a, b) : null),
  role: (a, b) => (a.role && b.role ? (a.role === b.role ? 1 : 0) : null),
  place: (a, b) => (a.places && b.places ? (a.places & b.places ? 1 : 0) : null),
  time: (a, b) => (a.historical || b.historical ? (a.historical === b.historical ? 1 : 0) : null),
};

/** The weighted relevance of a pair given its text similarity, 0..1. */
export function relevance(a: ExtractedClaim, b: ExtractedClaim, textSimilarity: number, pack: TopicPack): number {
  return combine(structuralFeatures(a, b, pack), textSimilarity);
}

/** Relevance from features already computed, with the text similarity filled in. */
export function combine(f: Features, textSimilarity: number): number {
  let sum = SCORE_WEIGHTS.text * textSimilarity;
  let weight = SCORE_WEIGHTS.text;
  for (const key of FEATURE_KEYS) {
    const v = f[key];
    if (v === null) continue;
    sum += SCORE_WEIGHTS[key] * v;
    weight += SCORE_WEIGHTS[key];
  }
  return sum / weight;
}

const FEATURE_KEYS = (Object.keys(SCORE_WEIGHTS) as FeatureName[]).filter((k) => k !== 'text');

/**
 * combine(signatureFeatures(a, b), text) without building the features: the matcher's
 * preview of thousands of candidates per claim. Must stay equal to that composition.
 */
export function signatureRelevance(a: ClaimSignature, b: ClaimSignature, textSimilarity: number): number {
  const W = SCORE_WEIGHTS;
  let sum = W.text * textSimilarity;
  let weight = W.text;
  if (a.events || b.events) {
    sum += W.events * eventsScore(a, b);
    weight += W.events;
  }
  const counts = countsScore(a.counts, b.counts);
  if (counts !== null) {
    sum += W.counts * counts;
    weight += W.counts;
  }
  const force = forceScore(a, b);
  if (force !== null) {
    sum += W.force * force;
    weight += W.force;
  }
  const position = positionScore(a, b);
  if (position !== null) {
    sum += W.position * position;
    weight += W.position;
  }
  if (a.source && b.source) {
    sum += W.source * sourceScore(a, b);
    weight += W.source;
  }
  if (a.role && b.role) {
    sum += a.role === b.role ? W.role : 0;
    weight += W.role;
  }
  if (a.places && b.places) {
    sum += a.places & b.places ? W.place : 0;
    weight += W.place;
  }
  if (a.historical || b.historical) {
    sum += a.historical === b.historical ? W.time : 0;
    weight += W.time;
  }
  sum += W.actors * (a.actors || b.actors ? popcount(a.actors & b.actors) / popcount(a.actors | b.actors) : 0);
  weight += W.actors;
  return sum / weight;
}

/** The same source 1; two sources of one side ("Zelensky said" / "Ukraine's intelligence says") 0.5. */
function sourceScore(a: ClaimSignature, b: ClaimSignature): number {
  if (a.source === b.source) return 1;
  return a.sourceSides.some((s) => b.sourceSides.includes(s)) ? 0.5 : 0;
}

/** The side a source speaks for: its state or body, or itself when it is one of the pack's actors. */
function sideOf(source: string, pack: TopicPack): string | null {
  return compilePack(pack).sourceEntry(source)?.actor ?? (pack.actors.some((a) => a.id === source) ? source : null);
}

/**
 * Arms for Ukraine and arms for Russia are one family of event but two different stories:
 * sharing the family counts this much when the two sentences name different recipients.
 */
export const OTHER_RECIPIENT_AFFINITY = 0.5;

function eventsScore(x: ClaimSignature, y: ClaimSignature): number {
  const a = x.events;
  const b = y.events;
  const bothGive = x.recipients.length > 0 && y.recipients.length > 0;
  let best = 0;
  for (let i = 0; a >> i; i++) {
    if (!((a >> i) & 1)) continue;
    const row = x.affinity[i]!;
    for (let j = 0; b >> j; j++) {
      if (!((b >> j) & 1)) continue;
      const affinity = bothGive && i === j && otherRecipients(x, y, 1 << i) ? row[j]! * OTHER_RECIPIENT_AFFINITY : row[j]!;
      if (affinity > best) best = affinity;
    }
  }
  return best;
}

/** Whether both sentences say whom a thing of this family goes to, and name no recipient in common. */
function otherRecipients(x: ClaimSignature, y: ClaimSignature, family: number): boolean {
  let xs = 0;
  let ys = 0;
  for (const r of x.recipients) if (r.family === family) xs |= r.to;
  for (const r of y.recipients) if (r.family === family) ys |= r.to;
  return xs !== 0 && ys !== 0 && (xs & ys) === 0;
}

function countsScore(a: number, b: number): number | null {
  // Only a count against a count says anything; a count against a statement without one is neither.
  if (!a || !b) return null;
  if (a & b) return 1;
  return RELATED_COUNT_GROUPS.some((g) => a & g && b & g) ? 0.5 : 0.2;
}

function forceScore(a: ClaimSignature, b: ClaimSignature): number | null {
  if (!a.force && !b.force) return null;
  if (!a.force || !b.force) return 0.5;
  if (a.force !== b.force) return a.forceStrong && b.forceStrong ? 0 : 0.3;
  return a.forceStrong && b.forceStrong ? 1 : 0.8;
}

function positionScore(a: ClaimSignature, b: ClaimSignature): number | null {
  if (!a.negatives.length && !b.negatives.length) return null;
  if (a.negatives.length && b.negatives.length) {
    let sameEvent = false;
    for (const x of a.negatives) {
      for (const y of b.negatives) {
        if (x.family !== y.family) continue;
        // The same side's silence or denial in both, or two sides' positions on one event.
        if (x.actors & y.actors) return 1;
        sameEvent = true;
      }
    }
    return sameEvent ? 0.7 : 0.4;
  }
  // One side asserts what the other denies: exactly what a reader checks, when it is about
  // the same side's forces (South Korea sending none is not North Korea's denial).
  const [neg, other] = a.negatives.length ? [a.negatives, b] : [b.negatives, a];
  const met = neg.filter((x) => other.events & x.family);
  if (!met.length) return 0;
  // A silence ("Moscow has not confirmed") meets only what the silent side itself says: Seoul
  // asserting the deployment leaves the Kremlin's silence standing, and the two positions do
  // not meet. Its counterpart is another silence, or a denial, on the same event.
  if (met.every((x) => x.silent && !(x.actors & other.speakerActors))) return 0;
  return a.force && b.force && a.forceStrong && b.forceStrong && a.force !== b.force ? 0.3 : 1;
}

function bit(list: readonly string[], id: string): number {
  const i = list.indexOf(id);
  return i < 0 ? 0 : 1 << i;
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

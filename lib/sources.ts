// "3 reports, 2 independent sources": reports that repeat the same original source (two
// outlets relaying Seoul's spy agency) are one voice, not two. A report that cites no
// source speaks for itself, so its outlet is its source; without an outlet it is a voice of
// its own, named as such, never by its headline (a headline is not a source).
//
// Syndicated copies (the same wire story carried by several sites, found by
// lib/near-duplicates.ts and marked on each match as `copyOf`) are one voice too, whatever
// each copy cites: two reports are one source when they relay the same original source or
// when one copies the other, and these links chain (a union of both groupings).

import type { ClaimMatch, Stance } from './types';

export interface SideSummary {
  /** Distinct reports on this side. */
  reports: number;
  /** Distinct original sources behind them. */
  independentSources: number;
  /** Names of those sources, in order of first appearance. */
  sources: string[];
}

export type SidesSummary = Record<Stance, SideSummary>;

/** The original source a match stands on, as a key and as a name a reader recognises. */
export function originalSource(m: ClaimMatch): { key: string; name: string } {
  if (m.source) return { key: `source:${m.source.toLowerCase()}`, name: m.source };
  if (m.outlet) return { key: `outlet:${m.outlet.toLowerCase()}`, name: m.outlet };
  return { key: `report:${m.reportId}`, name: UNNAMED_SOURCE };
}

/** How a report that names neither a source nor its outlet appears among the sources. */
export const UNNAMED_SOURCE = 'a report naming no source or outlet';

/** The story a match's report carries: the first report of its copy group, or itself. */
export function storyOf(m: Pick<ClaimMatch, 'reportId' | 'copyOf'>): string {
  return m.copyOf || m.reportId;
}

/** Per stance, how many reports and how many independent sources stand behind it. */
export function summariseSides(matches: readonly ClaimMatch[]): SidesSummary {
  const side = (stance: Stance): SideSummary => {
    const onSide = matches.filter((m) => m.stance === stance);
    const reports = new Set(onSide.map((m) => m.reportId));
    // One voice per connected group of matches: linked by a shared original source or a shared story.
    const voices = new VoiceGroups();
    for (const m of onSide) voices.join(`story:${storyOf(m)}`, originalSource(m).key);
    // A voice is named by a source one of its reports cites, else by the outlet that carried
    // the story first (the copies' original), else by another outlet.
    const names = new Map<string, { name: string; rank: number }>();
    for (const m of onSide) {
      const { key, name } = originalSource(m);
      const rank = m.source ? 3 : m.outlet ? (m.copyOf ? 1 : 2) : 0;
      const voice = voices.root(key);
      const current = names.get(voice);
      if (!current || rank > current.rank) names.set(voice, { name, rank });
    }
    const all = [...names.values()].map((v) => v.name);
    const unnamed = all.filter((n) => n === UNNAMED_SOURCE).length;
    const named = [...new Set(all.filter((n) => n !== UNNAMED_SOURCE))];
    if (unnamed > 1) named.push(`${unnamed} reports naming no source or outlet`);
    else if (unnamed === 1) named.push(UNNAMED_SOURCE);
    return { reports: reports.size, independentSources: names.size, sources: named };
  };
  return { corroborates: side('corroborates'), conflicts: side('conflicts'), related: side('related') };
}

/** Union-find over string keys: which keys end up in one group. */
class VoiceGroups {
  private readonly parent = new Map<string, string>();

  root(key: string): string {
    let k = key;
    for (let p = this.parent.get(k); p !== undefined && p !== k; p = this.parent.get(k)) k = p;
    this.parent.set(key, k);
    return k;
  }

  join(a: string, b: string): void {
    const [ra, rb] = [this.root(a), this.root(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** A listed report and the copies of the same story listed with it. */
export interface StoryEntry {
  match: ClaimMatch;
  /** Other reports carrying the same story (syndicated copies), in the order they came. */
  copies: ClaimMatch[];
}

/**
 * Matches with the copies of one story folded under its first match (the order of
 * `matches` is kept): the sidebar lists the story once and says who else carried it.
 */
export function groupCopies(matches: readonly ClaimMatch[]): StoryEntry[] {
  const entries: StoryEntry[] = [];
  const byStory = new Map<string, StoryEntry>();
  for (const m of matches) {
    const first = byStory.get(storyOf(m));
    // Another report of a story already listed is one of its copies, listed once with it;
    // a second sentence of the same report stays an entry of its own.
    if (first && first.match.reportId !== m.reportId) {
      if (!first.copies.some((c) => c.reportId === m.reportId)) first.copies.push(m);
      continue;
    }
    const entry: StoryEntry = { match: m, copies: [] };
    if (!first) byStory.set(storyOf(m), entry);
    entries.push(entry);
  }
  return entries;
}

/** "3 reports, 2 independent sources" / "1 report, 1 source". */
export function describeSide(s: SideSummary): string {
  const reports = `${s.reports} report${s.reports === 1 ? '' : 's'}`;
  if (s.reports === s.independentSources) return reports;
  return `${reports}, ${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'}`;
}

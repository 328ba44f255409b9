// "3 reports, 2 independent sources": reports that repeat the same original source (two
// outlets relaying Seoul's spy agency) are one voice, not two. A report that cites no
// source speaks for itself, so its outlet is its source; without an outlet it is a voice of
// its own, named as such, never by its headline (a headline is not a source).

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

/** Per stance, how many reports and how many independent sources stand behind it. */
export function summariseSides(matches: readonly ClaimMatch[]): SidesSummary {
  const side = (stance: Stance): SideSummary => {
    const reports = new Set<string>();
    const sources = new Map<string, string>();
    for (const m of matches) {
      if (m.stance !== stance) continue;
      reports.add(m.reportId);
      const { key, name } = originalSource(m);
      if (!sources.has(key)) sources.set(key, name);
    }
    const names = [...sources.values()];
    const unnamed = names.filter((n) => n === UNNAMED_SOURCE).length;
    const named = [...new Set(names.filter((n) => n !== UNNAMED_SOURCE))];
    if (unnamed > 1) named.push(`${unnamed} reports naming no source or outlet`);
    else if (unnamed === 1) named.push(UNNAMED_SOURCE);
    return { reports: reports.size, independentSources: sources.size, sources: named };
  };
  return { corroborates: side('corroborates'), conflicts: side('conflicts'), related: side('related') };
}

/** "3 reports, 2 independent sources" / "1 report, 1 source". */
export function describeSide(s: SideSummary): string {
  const reports = `${s.reports} report${s.reports === 1 ? '' : 's'}`;
  if (s.reports === s.independentSources) return reports;
  return `${reports}, ${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'}`;
}

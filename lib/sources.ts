// "3 reports, 2 independent sources": reports that repeat the same original source (two
// outlets relaying Seoul's spy agency) are one voice, not two. A report that cites no
// source speaks for itself, so its outlet (or, without one, the report) is its source.

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
  return { key: `report:${m.reportId}`, name: m.reportTitle ?? m.reportId };
}

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
    return { reports: reports.size, independentSources: sources.size, sources: [...sources.values()] };
  };
  return { corroborates: side('corroborates'), conflicts: side('conflicts'), related: side('related') };
}

/** "3 reports, 2 independent sources" / "1 report, 1 source". */
export function describeSide(s: SideSummary): string {
  const reports = `${s.reports} report${s.reports === 1 ? '' : 's'}`;
  if (s.reports === s.independentSources) return reports;
  return `${reports}, ${s.independentSources} independent source${s.independentSources === 1 ? '' : 's'}`;
}

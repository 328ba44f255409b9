// What the sidebar draws, derived from a page's analysis: which claims are listed, in
// which order, and the words that summarise each side. No Preact here, so the order and
// the wording are tested without rendering.

import { summariseSides } from '../../lib/sources';
import type { ClaimMatch, ClaimResult, Stance } from '../../lib/types';

/** The sides of a claim in the order the sidebar shows them: disagreement first. */
export const STANCE_ORDER: readonly Stance[] = ['conflicts', 'corroborates', 'related'];

/** The group a listed claim falls in, by the strongest side it has. */
export type ClaimGroup = 'conflicts' | 'corroborates' | 'related';

export interface SideView {
  stance: Stance;
  matches: ClaimMatch[];
  /** "3 reports, 2 independent sources". */
  countLabel: string;
  /** The original sources behind this side ("Seoul's spy agency", "Zelensky", an outlet). */
  sources: string[];
}

export interface ClaimView {
  /** The claim's index in the page's analysis: the index the page's highlights and scroll use. */
  index: number;
  text: string;
  group: ClaimGroup;
  /** Only the sides that have matches, conflicts first. */
  sides: SideView[];
}

export interface SidebarModel {
  groups: { group: ClaimGroup; claims: ClaimView[] }[];
  /** Claims of the article that no report speaks to: counted, not listed. */
  unmatched: number;
  listed: number;
}

/** Orders claims conflicts first, then corroborated, then related only; article order within a group. */
export function buildSidebarModel(claims: readonly ClaimResult[]): SidebarModel {
  const byGroup = new Map<ClaimGroup, ClaimView[]>(STANCE_ORDER.map((s) => [s, []]));
  let unmatched = 0;
  claims.forEach((claim, index) => {
    if (claim.matches.length === 0) {
      unmatched++;
      return;
    }
    const view = claimView(claim, index);
    byGroup.get(view.group)!.push(view);
  });
  const groups = STANCE_ORDER.map((group) => ({ group, claims: byGroup.get(group)! })).filter((g) => g.claims.length > 0);
  return { groups, unmatched, listed: claims.length - unmatched };
}

export function claimView(claim: ClaimResult, index: number): ClaimView {
  const summaries = summariseSides(claim.matches);
  const sides: SideView[] = [];
  for (const stance of STANCE_ORDER) {
    // Within a side, the closest match first.
    const matches = claim.matches.filter((m) => m.stance === stance).sort((a, b) => b.score - a.score);
    if (matches.length === 0) continue;
    const summary = summaries[stance];
    sides.push({ stance, matches, countLabel: countLabel(summary.reports, summary.independentSources), sources: summary.sources });
  }
  return { index, text: claim.text, group: sides[0]!.stance, sides };
}

/** "1 report, 1 independent source"; the sources part is left out when no report names its source. */
export function countLabel(reports: number, independentSources: number): string {
  const r = `${reports} ${reports === 1 ? 'report' : 'reports'}`;
  if (independentSources <= 0) return r;
  return `${r}, ${independentSources} independent ${independentSources === 1 ? 'source' : 'sources'}`;
}

export const GROUP_HEADINGS: Record<ClaimGroup, string> = {
  conflicts: 'Claims that reports contradict',
  corroborates: 'Claims that reports back up',
  related: 'Claims with related reports',
};

export const SIDE_HEADINGS: Record<Stance, string> = {
  conflicts: 'Conflicting reports',
  corroborates: 'Corroborating reports',
  related: 'Related reports',
};

/** One line for a claim: "1 conflicting, 2 corroborating". */
export function claimSummary(view: ClaimView): string {
  const words: Record<Stance, string> = { conflicts: 'conflicting', corroborates: 'corroborating', related: 'related' };
  return view.sides.map((s) => `${s.matches.length} ${words[s.stance]}`).join(', ');
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "8 Oct 2024" for an ISO date; the text as given when it is not one. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}

export function reportTitle(match: ClaimMatch): string {
  return match.reportTitle?.trim() || 'Untitled report';
}

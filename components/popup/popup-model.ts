// What the popup shows for one tab, decided from plain data: the tab's address (when the
// browser tells us), the background's TabState and the reader's settings. Pure, so every
// state the reader can meet is tested without a browser.

import { siteOf } from '../../adapters/settings';
import type { PageReport, Settings, TabState } from '../../lib/protocol';
import type { ClaimMatch, ClaimResult, TopicResult } from '../../lib/types';

/** How many conflicting claims the popup lists; the sidebar has the rest. */
export const TOP_CONFLICTS = 3;
/** How many matched reports the popup lists. */
export const TOP_MATCHED_REPORTS = 4;

export type PopupPhase =
  | { kind: 'loading' }
  /** A page no extension may read: chrome://, about:, the browser's own pages, file listings. */
  | { kind: 'unsupported'; url: string }
  /** A web page whose content script has not reported: opened before install/update, or still loading. */
  | { kind: 'not-running' }
  | { kind: 'paused'; site: string }
  | { kind: 'waiting' }
  | { kind: 'analyzing'; topic: TopicResult | null }
  | { kind: 'not-article' }
  | { kind: 'off-topic'; topic: TopicResult | null }
  | { kind: 'ready'; topic: TopicResult; report: PageReport }
  | { kind: 'error'; message: string };

export interface PopupInput {
  /** The tab's address: undefined when the browser does not disclose it to the extension. */
  tabUrl: string | undefined;
  state: TabState | null;
  settings: Settings | null;
  /** A failure to learn the tab or its state (the background did not answer, the tab is gone). */
  failure: string | null;
}

export function isWebPage(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

function withoutHash(url: string): string {
  const at = url.indexOf('#');
  return at < 0 ? url : url.slice(0, at);
}

/**
 * Whether the background's state belongs to the page the tab shows now. A state from an
 * earlier page of the same tab is stale until the content script reports again.
 */
export function stateIsCurrent(state: TabState | null, tabUrl: string | undefined): state is TabState {
  if (!state || !state.url) return false;
  return tabUrl === undefined || withoutHash(tabUrl) === withoutHash(state.url);
}

/** The page's address as best known: the browser's when it tells us, else the content script's. */
export function pageUrlOf(input: Pick<PopupInput, 'tabUrl' | 'state'>): string | undefined {
  return input.tabUrl ?? (input.state?.url || undefined);
}

export function decidePhase(input: PopupInput): PopupPhase {
  const { tabUrl, state, settings, failure } = input;
  if (failure) return { kind: 'error', message: failure };
  if (tabUrl !== undefined && !isWebPage(tabUrl)) return { kind: 'unsupported', url: tabUrl };
  const url = pageUrlOf(input);
  const site = url ? siteOf(url) : '';
  if (site && settings?.pausedSites.includes(site)) return { kind: 'paused', site };
  if (!state) return { kind: 'loading' };
  if (!stateIsCurrent(state, tabUrl)) return { kind: 'not-running' };
  switch (state.status) {
    case 'waiting':
      return { kind: 'waiting' };
    case 'paused':
      return { kind: 'paused', site: siteOf(state.url) };
    case 'not-article':
      return { kind: 'not-article' };
    case 'analyzing':
      return { kind: 'analyzing', topic: state.topic };
    case 'off-topic':
      return { kind: 'off-topic', topic: state.report?.topic ?? state.topic };
    case 'error':
      return { kind: 'error', message: state.error ?? 'Crosscheck could not check this page.' };
    case 'ready': {
      const report = state.report;
      const topic = report?.topic ?? state.topic;
      if (!report || !topic) return { kind: 'waiting' };
      return { kind: 'ready', topic, report };
    }
  }
}

export interface ConflictItem {
  claim: string;
  match: ClaimMatch;
}

export interface MatchedReport {
  reportId: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  /** The report's first words, which name it when it has no headline. */
  lead: string | null;
  /** Claims of this page the report corroborates. */
  corroborates: number;
  /** Claims of this page the report conflicts with. */
  conflicts: number;
}

export interface ClaimSummary {
  claims: number;
  /** Claims with at least one corroborating report. */
  corroborated: number;
  /** Claims with at least one conflicting report. */
  conflicting: number;
  topConflicts: ConflictItem[];
  matchedReports: MatchedReport[];
}

const bestOf = (matches: ClaimMatch[], stance: ClaimMatch['stance']): ClaimMatch | undefined =>
  matches.filter((m) => m.stance === stance).sort((a, b) => b.score - a.score)[0];

export function summarizeClaims(claims: ClaimResult[]): ClaimSummary {
  const conflicts: ConflictItem[] = [];
  const byReport = new Map<string, MatchedReport>();
  let corroborated = 0;
  let conflicting = 0;
  for (const claim of claims) {
    const corroboration = bestOf(claim.matches, 'corroborates');
    const conflict = bestOf(claim.matches, 'conflicts');
    if (corroboration) corroborated++;
    if (conflict) {
      conflicting++;
      conflicts.push({ claim: claim.text, match: conflict });
    }
    // A report counts once per claim, for its strongest stance on it.
    const stanceByReport = new Map<string, ClaimMatch>();
    for (const m of claim.matches) {
      if (m.stance === 'related') continue;
      const seen = stanceByReport.get(m.reportId);
      if (!seen || (seen.stance !== 'conflicts' && m.stance === 'conflicts')) stanceByReport.set(m.reportId, m);
    }
    for (const m of stanceByReport.values()) {
      const entry = byReport.get(m.reportId) ?? {
        reportId: m.reportId, title: m.reportTitle, outlet: m.outlet, date: m.date, lead: m.reportLead ?? null, corroborates: 0, conflicts: 0,
      };
      if (m.stance === 'conflicts') entry.conflicts++;
      else entry.corroborates++;
      byReport.set(m.reportId, entry);
    }
  }
  return {
    claims: claims.length,
    corroborated,
    conflicting,
    topConflicts: conflicts.sort((a, b) => b.match.score - a.match.score).slice(0, TOP_CONFLICTS),
    matchedReports: [...byReport.values()]
      .sort((a, b) => b.corroborates + b.conflicts - (a.corroborates + a.conflicts))
      .slice(0, TOP_MATCHED_REPORTS),
  };
}

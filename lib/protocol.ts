// The one message protocol of the extension. Every request names its payload and its
// reply here; adapters/messaging.ts is the only code that touches runtime messaging.
// Replies cross the boundary as Result values because thrown errors do not serialize.

import type { ImportResult, SaveClaimInput, SavedClaimView, SyncStatus } from './sync';
import type { RememberReading } from './reading';
import type { FigureTimeline } from './timeline';
import type { ProseProbe } from './topic';
import type { Analysis, ArticleInfo, Report, TopicResult } from './types';

export type { RememberReading, SaveClaimInput, SavedClaimView, SyncStatus };

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** What the content script found in a page before asking for matches. */
export interface PageSnapshot {
  url: string;
  title: string | null;
  /** The article's text (paragraphs separated by blank lines). */
  text: string;
  article: ArticleInfo;
  topic: TopicResult;
}

/** A page's analysis as the background returns and keeps it. */
export interface PageReport extends Analysis {
  url: string;
  analyzedAt: number;
  /**
   * The reports the page was checked against (its own copies left out); null in the report
   * of its claims alone ('page/claims'), which is answered before the corpus is read.
   */
  corpusSize: number | null;
}

export type PageStatus =
  | 'waiting' // nothing known yet
  | 'not-article'
  | 'off-topic'
  | 'paused' // the reader paused Crosscheck on this site
  | 'analyzing'
  | 'ready'
  | 'error';

/** What the popup and the sidebar show for one tab. */
export interface TabState {
  tabId: number;
  url: string;
  status: PageStatus;
  article: ArticleInfo | null;
  topic: TopicResult | null;
  report: PageReport | null;
  sidebarOpen: boolean;
  error: string | null;
  /** This article was kept as a report from the reader's reading (remembered reading on). */
  remembered?: boolean;
}

export interface CorpusStats {
  reports: number;
  seeds: number;
  added: number;
}

/** A report as the options page lists it: without its text, with its first words to name it by when it has no headline. */
export type ReportListing = Omit<Report, 'text' | 'signature'> & { lead: string };

export interface NewReport {
  title: string | null;
  text: string;
  outlet?: string | null;
  date?: string | null;
  author?: string | null;
  url?: string | null;
}

export interface ImportFile {
  name: string;
  text: string;
}

export interface ImportSummary {
  added: number;
  skipped: { name: string; reason: string }[];
  /**
   * Imported reports with the address of a report the reader added, but other text: an import
   * never replaces the reader's own, so both are kept (the imported one under an id of its own).
   */
  keptBoth?: { title: string | null; url: string | null }[];
}

export interface Settings {
  /** 0..1: higher finds the topic in more pages. */
  sensitivity: number;
  /** Host names where Crosscheck stays quiet. */
  pausedSites: string[];
  /** The sidebar shows as a small handle until the reader opens it. */
  sidebarCollapsed: boolean;
  /**
   * Remembered reading (lib/reading.ts): keep the on-topic articles the reader reads as
   * reports on this device. Off until the reader says yes; 'unasked' until they answer.
   */
  rememberReading: RememberReading;
}

export const DEFAULT_SETTINGS: Settings = {
  sensitivity: 0.5,
  pausedSites: [],
  sidebarCollapsed: false,
  rememberReading: 'unasked',
};

/** What a tab's content script needs of the settings: only what applies to its own page. */
export interface PageSettings {
  /** The reader paused Crosscheck on this page's site. */
  paused: boolean;
  sidebarCollapsed: boolean;
}

/**
 * Requests answered by the background. Who may send each is declared in REQUEST_SENDERS:
 * `page/*` come from a tab's content script and always concern the sender's own tab
 * (the browser's `sender.tab.id`, never a tab the message names); the rest come from the
 * extension's own pages, which name a tab or, inside one (the sidebar), get their own.
 */
export interface BackgroundRequests {
  /**
   * The article's topic verdict and claims, before their matches: the page shows the sidebar
   * at once, and 'page/analyze' (asked next, with the same snapshot) fills in the matches.
   */
  'page/claims': { req: PageSnapshot; res: PageReport };
  /**
   * The page's title and prose, scored on the topic before its article is extracted
   * (lib/topic.ts probeProse): a page that only names the story in passing stops here.
   */
  'page/topic': { req: { title: string | null; text: string }; res: ProseProbe };
  'page/analyze': { req: PageSnapshot; res: PageReport };
  /** `note`: why the page was left alone when that is worth telling (shown in the popup as the tab's error). */
  'page/status': { req: { url: string; status: PageStatus; article?: ArticleInfo | null; topic?: TopicResult | null; note?: string | null }; res: null };
  'page/settings': { req: { url: string }; res: PageSettings };
  /** The page shows its sidebar open or collapsed; `remember`: the reader chose it, so the next article starts the same way. */
  'page/sidebar': { req: { open: boolean; remember: boolean }; res: null };
  /** The reader clicked a highlighted claim: the tab's sidebar brings it up. */
  'page/focus-claim': { req: { index: number }; res: null };
  'tab/state': { req: { tabId?: number }; res: TabState };
  'tab/sidebar': { req: { tabId?: number; open: boolean | 'toggle' }; res: TabState };
  'tab/add-article': { req: { tabId?: number }; res: Report };
  /** The figures over time (lib/timeline.ts): the corpus's reports, and the tab's article when it is on the topic. */
  'figures/timeline': { req: { tabId?: number }; res: FigureTimeline };
  'corpus/stats': { req: null; res: CorpusStats };
  'reports/list': { req: null; res: ReportListing[] };
  'reports/get': { req: { id: string }; res: Report | null };
  'reports/add': { req: NewReport; res: Report };
  'reports/delete': { req: { id: string }; res: null };
  'reports/import': { req: { files: ImportFile[] }; res: ImportSummary };
  'reports/export': { req: null; res: string };
  'settings/get': { req: null; res: Settings };
  'settings/set': { req: Partial<Settings>; res: Settings };
  // Saved claims (lib/sync, docs/sync-format.md): kept on this device, synced through storage.sync.
  /** Saves a claim from the sidebar; saving one already saved returns it with `created: false`. */
  'claims/save': { req: SaveClaimInput; res: { claim: SavedClaimView; created: boolean } };
  /** Most recently saved first; `query` keeps those containing every word, `url` those of one article. */
  'claims/list': { req: ClaimsQuery | null; res: SavedClaimView[] };
  'claims/update': { req: { id: string; note: string }; res: SavedClaimView };
  /** Removes on every device; `removed: false` when it was not saved (any more). */
  'claims/remove': { req: { id: string }; res: { removed: boolean } };
  'claims/export': { req: { format: ClaimsExportFormat }; res: string };
  /** A Crosscheck saved-claims JSON export; a file that cannot be read is an error, nothing imported. */
  'claims/import': { req: { text: string }; res: ClaimsImportSummary };
  'claims/status': { req: null; res: SyncStatus };
  // Remembered reading (lib/reading.ts, entrypoints/background/reading.ts).
  /**
   * The reader's answer or switch. Yes also keeps the article of the tab it is given (or the
   * sidebar's own tab), when the background analysed it on the topic; no keeps nothing more.
   */
  'reading/set': { req: { remember: boolean; tabId?: number }; res: { settings: Settings; kept: boolean } };
  /** Removes every remembered article (one goes with 'reports/delete'). */
  'reading/forget-all': { req: null; res: { removed: number } };
}

/**
 * Who sent a message, as the receiver tells it from the browser's own record of the sender
 * (never from anything in the message):
 * - `content`: this extension's content script in the top frame of a web page's tab. It
 *   lives in the page's renderer, so it is trusted with its own page and nothing more.
 *   `url` is that page's address as the browser knows it.
 * - `extension`: one of this extension's own pages (popup, options, the sidebar frame, the
 *   background). `tabId` is the tab it sits in, if any (the sidebar's tab).
 */
export type Sender = { kind: 'content'; tabId: number; url: string } | { kind: 'extension'; tabId: number | null };
export type SenderKind = Sender['kind'];

/** Who may send each background request. A request from anyone else is refused and logged. */
export const REQUEST_SENDERS: { readonly [K in keyof BackgroundRequests]: SenderKind } = {
  'page/claims': 'content',
  'page/topic': 'content',
  'page/analyze': 'content',
  'page/status': 'content',
  'page/settings': 'content',
  'page/sidebar': 'content',
  'page/focus-claim': 'content',
  'tab/state': 'extension',
  'tab/sidebar': 'extension',
  'tab/add-article': 'extension',
  'figures/timeline': 'extension',
  'corpus/stats': 'extension',
  'reports/list': 'extension',
  'reports/get': 'extension',
  'reports/add': 'extension',
  'reports/delete': 'extension',
  'reports/import': 'extension',
  'reports/export': 'extension',
  'settings/get': 'extension',
  'settings/set': 'extension',
  'claims/save': 'extension',
  'claims/list': 'extension',
  'claims/update': 'extension',
  'claims/remove': 'extension',
  'claims/export': 'extension',
  'claims/import': 'extension',
  'claims/status': 'extension',
  // A page's content script never answers for the reader, nor removes what was kept.
  'reading/set': 'extension',
  'reading/forget-all': 'extension',
};

/** The fields of the browser's MessageSender that tell who sent a message (Chrome and Firefox alike). */
export interface SenderRecord {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

/**
 * Tells who sent a message: `ownId` is this extension's id, `ownOrigin` its pages' origin
 * (`runtime.getURL('/')`). A content script's `sender.url` is its page's address, which
 * never has the extension's origin (content scripts run only in http(s) pages); an
 * extension page's is its own. Null: nobody this extension answers (another extension, a
 * content script in a sub-frame, a sender the browser did not describe).
 */
export function senderOf(sender: SenderRecord, ownId: string, ownOrigin: string): Sender | null {
  if (sender.id !== ownId || typeof sender.url !== 'string') return null;
  const tabId = typeof sender.tab?.id === 'number' && sender.tab.id >= 0 ? sender.tab.id : null;
  if (sender.url.startsWith(ownOrigin)) return { kind: 'extension', tabId };
  if (tabId !== null && sender.frameId === 0 && /^https?:/i.test(sender.url)) return { kind: 'content', tabId, url: sender.url };
  return null;
}

/** The tab an extension page's request is about: the one it names, else the one it sits in. */
export function tabOfRequest(tabId: unknown, sender: Sender): number {
  if (typeof tabId === 'number' && Number.isInteger(tabId) && tabId >= 0) return tabId;
  if (tabId !== undefined && tabId !== null) throw new Error('Not a tab');
  if (sender.tabId === null) throw new Error('No tab to answer for');
  return sender.tabId;
}

export interface ClaimsQuery {
  query?: string;
  /** An article's address; its #fragment is ignored. */
  url?: string;
}

export type ClaimsExportFormat = 'json' | 'markdown';

export type ClaimsImportSummary = Omit<Extract<ImportResult, { ok: true }>, 'ok'>;

/**
 * Saved claims changed, here or on another device, or only their sync status did.
 * Carries the status so open pages update it without asking.
 */
export type SavedClaimsChange =
  | { kind: 'claims'; origin: 'local' | 'remote' | 'import'; ids: string[]; status: SyncStatus }
  | { kind: 'status'; status: SyncStatus };

/** Main-thread time (ms, summed over runs) the content script spent in its page, by step. */
export interface ContentCost {
  /** The synchronous start inside main(). */
  startMs: number;
  /** Title + first prose + the quick topic check. */
  cheapCheckMs: number;
  cheapChecks: number;
  /** Gathering the prose the background's topic probe scores ('page/topic'). */
  proseMs: number;
  /** Readability's "is this an article?". */
  articleCheckMs: number;
  /** Readability's parse on a clone. */
  extractMs: number;
  /** Finding and painting the claims. */
  highlightMs: number;
  /** Injecting the sidebar frame. */
  mountMs: number;
  /** Every step summed. */
  totalMs: number;
  /** The longest single step: its share of the longest task. */
  longestStepMs: number;
  /** Analyses asked again because the answer was lost (the service worker stopped mid-way). */
  analyzeRetries?: number;
}

/** Requests answered by a tab's content script (top frame). */
export interface ContentRequests {
  'content/sidebar': { req: { open: boolean | 'toggle' }; res: { open: boolean } };
  'content/scroll-to-claim': { req: { index: number }; res: { found: boolean } };
  'content/article': { req: null; res: PageSnapshot & { byline: string | null; siteName: string | null; publishedTime: string | null } };
  'content/cost': { req: null; res: ContentCost };
  /** The settings changed: the page asks for what applies to it again. */
  'content/settings-changed': { req: null; res: null };
}

/** Only the background and the extension's pages (the sidebar) ask a content script anything. */
export const CONTENT_REQUEST_SENDERS: { readonly [K in keyof ContentRequests]: SenderKind } = {
  'content/sidebar': 'extension',
  'content/scroll-to-claim': 'extension',
  'content/article': 'extension',
  'content/cost': 'extension',
  'content/settings-changed': 'extension',
};

/** Broadcasts from the background or an extension page to the extension's pages (popup, sidebar, options); pages ignore any other sender. */
export interface Broadcasts {
  'tab/changed': { tabId: number };
  'sidebar/focus-claim': { tabId: number; index: number };
  'corpus/changed': null;
  'settings/changed': Settings;
  'claims/changed': SavedClaimsChange;
}

export type RequestMap = BackgroundRequests | ContentRequests;

export interface Envelope<M, K extends keyof M = keyof M> {
  /** Marks our messages apart from anything else on the channel. */
  crosscheck: 1;
  type: K;
  payload: M[K] extends { req: infer R } ? R : M[K];
}

export function isEnvelope(message: unknown): message is Envelope<Record<string, unknown>, string> {
  return typeof message === 'object' && message !== null && (message as { crosscheck?: unknown }).crosscheck === 1
    && typeof (message as { type?: unknown }).type === 'string';
}

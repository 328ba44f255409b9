// The plain data that crosses every boundary in Crosscheck: lib/ → CLI JSON,
// background → content script / sidebar / popup. Everything here must stay
// structured-clone and JSON serialisable (no classes, no functions, no Maps).

import type { CopySignature } from './near-duplicates';

/**
 * A report in the corpus: a seed shipped with the extension, one the reader added, or an
 * article the reader read while remembered reading was on (`reading`, lib/reading.ts).
 */
export interface Report {
  /** Seeds: the seed's file name without `.txt`. Added reports: `user_<hash>`. Remembered articles: `reading_<hash of the address>`. */
  id: string;
  title: string | null;
  outlet: string | null;
  /** ISO date `YYYY-MM-DD` when the text states it, else null (never guessed). */
  date: string | null;
  author: string | null;
  url: string | null;
  /** The report's body with site boilerplate removed, paragraphs separated by blank lines. */
  text: string;
  origin: 'seed' | 'user' | 'reading';
  /** Epoch ms when it entered the corpus. */
  addedAt: number;
  /** The text's near-duplicate signature (lib/near-duplicates.ts), stored when it entered the corpus; the background's alone. */
  signature?: CopySignature;
  /** The report this one is a syndicated copy of (the first report of its story), found when it entered the corpus. */
  copyOf?: string | null;
}

/** What article detection and extraction found in a page. */
export interface ArticleInfo {
  isArticle: boolean;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  words: number;
}

export interface TopicResult {
  id: string;
  onTopic: boolean;
  /** 0..1 */
  score: number;
  /** The names and terms that fired, most important first. */
  evidence: string[];
}

export interface Quantity {
  value: number;
  /** What is counted, normalised: "troops", "special forces", "brigades", "soldiers killed"… */
  unit: string;
  /** "about", "nearly", "approximately"… */
  approx: boolean;
  /** "may", "could", "reportedly", "could rise to"… */
  hedged: boolean;
  /** A present count ("1,500 have arrived"), a projection ("could reach 12,000") or casualties. */
  kind?: 'count' | 'projection' | 'casualties';
  /** True for a projection that is a planned or intended total ("decided to send 12,000"), not a mere possibility ("could reach"). */
  planned?: boolean;
  /** The count as a reader would say it: "more than 10,000 troops", "11,000-12,000 soldiers". */
  label?: string;
}

export type Stance = 'corroborates' | 'conflicts' | 'related';

export interface ClaimMatch {
  reportId: string;
  reportTitle: string | null;
  outlet: string | null;
  date: string | null;
  /** The matched sentence of that report, as it stands there. */
  claim: string;
  stance: Stance;
  /** 0..1 */
  score: number;
  /** A reason a reader understands: "10,000 vs 12,000 troops", "asserts vs denies". */
  why: string;
  /** The original source the report cites (Yonhap, Seoul's spy agency, Zelensky…) or null. */
  source: string | null;
  /**
   * Set when the report is a syndicated copy of another report of the corpus (the same wire
   * story on another site): the id of the first report of that story. Filled in by the
   * background from what it stored when the report came in (lib/report-details.ts).
   */
  copyOf?: string;
  /** The report's first words, for naming a report that has no headline (lib/report-name.ts). */
  reportLead?: string;
}

export interface ClaimResult {
  /** The claim's sentence as it stands in the page. */
  text: string;
  quantities: Quantity[];
  attribution: string | null;
  matches: ClaimMatch[];
}

/** The contract of `npm run analyze -- --json` and of the extension's analysis. */
export interface Analysis {
  article: ArticleInfo;
  topic: TopicResult;
  claims: ClaimResult[];
}

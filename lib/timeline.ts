// The figures over time: for each kind of figure a story's pack names (troops sent, troops at
// the front, killed…), what each report said and when, by source. A later, larger count of
// the same kind reads as an update; two different counts of the same kind a few days apart
// are a disagreement, marked as a conflict (the rule of lib/stance.ts: present counts at
// least UPDATE_MIN_DAYS apart are an update, not a contradiction).
//
// A present count, a planned total and a mere possibility are three measures, compared only
// with their own kind: "1,500 have arrived" and "plans to deploy 12,000" are two facts about
// one deployment, not a contradiction. A report that states no date, and a sentence that names
// none, give an undated figure: listed, never placed on the time axis, never guessed.

import { assertedQuantities, parseClaim, type ExtractedClaim } from './claims';
import type { IndexedClaim, ReportMeta } from './corpus-index';
import { daysBetween } from './dates';
import { formatQuantity, type ParsedQuantity } from './quantities';
import { UNNAMED_SOURCE } from './sources';
import { compatible, UPDATE_MIN_DAYS } from './stance';
import type { FigureKind } from './topics/figure-kind';
import type { TopicPack } from './topics/types';

/** How a figure counts: a present count (or a toll), a planned total, or a possibility. */
export type FigureMeasure = 'count' | 'planned' | 'possible';

/**
 * How a figure reads against the others of its kind and measure: the first given, the same
 * as the one before, an update (later and larger), lower than the one before (later), in
 * conflict with a different figure of about the same time, or undated (not compared in time).
 */
export type FigureReading = 'first' | 'agrees' | 'update' | 'lower' | 'conflict' | 'undated';

/** One figure one report (or the article being read) gave. Plain data: JSON and structured-clone safe. */
export interface FigureStatement {
  /** Unique within a timeline: the report's id (or "article"), the claim's offset, the figure's rank. */
  id: string;
  /** The figure kind's id (FigureKind.id). */
  kind: string;
  measure: FigureMeasure;
  value: number;
  /** The interval the words allow ("more than 10,000": max null). */
  min: number;
  max: number | null;
  /** "about 1,500 soldiers", "11,000-12,000 troops". */
  label: string;
  /** The figure without what it counts: "about 1,500", "11,000-12,000". */
  figure: string;
  /** The date the figure speaks of (`YYYY-MM-DD`), or null when neither sentence nor report gives one. */
  date: string | null;
  /** Where the date comes from: the sentence itself ("on Friday", "early October") or its report. */
  dateFrom: 'sentence' | 'report' | null;
  /** The original source (Seoul's spy agency, Zelensky), else the outlet, else the report itself. */
  source: string;
  /** The outlet that relayed the source, when the sentence names one. */
  via: string | null;
  /** The corpus report, or null for the article being read. */
  reportId: string | null;
  reportTitle: string | null;
  outlet: string | null;
  fromArticle: boolean;
  /** The sentence the figure stands in. */
  sentence: string;
  hedged: boolean;
  reading: FigureReading;
  /** The figure this one updates or falls below (the one before it), when it does. */
  after: string | null;
  /** Figures of about the same time that give a different count. */
  conflictsWith: string[];
}

export interface FigureSeries {
  kind: string;
  label: string;
  /** Dated figures by date (then value), undated ones last. */
  statements: FigureStatement[];
  /** Statements left out to keep the view readable (see MAX_STATEMENTS_PER_KIND). */
  omitted: number;
}

/** The `--timeline` JSON contract and what the sidebar and the popup draw. */
export interface FigureTimeline {
  /** Only the kinds with at least one figure, in the pack's order. */
  series: FigureSeries[];
}

/** Where figures come from: one report of the corpus, or the article being read. */
export interface FigureSource {
  reportId: string | null;
  title: string | null;
  outlet: string | null;
  /** The report's own date (`YYYY-MM-DD`), or null. */
  date: string | null;
  claims: readonly ExtractedClaim[];
  fromArticle?: boolean;
}

/**
 * Figures kept per kind, the article's first and then the most recent: a corpus of thousands
 * of reports would otherwise draw a cloud no reader can read. The omitted count is shown.
 */
export const MAX_STATEMENTS_PER_KIND = 40;
/** Characters after a count's phrase read for where it stands (FigureKind.near). */
export const NEAR_WINDOW_CHARS = 80;

/** The figures of every source, by kind, each read against the others of its kind. */
export function buildTimeline(sources: readonly FigureSource[], kinds: readonly FigureKind[]): FigureTimeline {
  const byKind = new Map<string, Found[]>();
  for (const source of sources) {
    for (const found of figuresOf(source, kinds)) {
      const list = byKind.get(found.statement.kind) ?? [];
      list.push(found);
      byKind.set(found.statement.kind, list);
    }
  }
  const series: FigureSeries[] = [];
  for (const kind of kinds) {
    const found = byKind.get(kind.id);
    if (!found?.length) continue;
    readAgainstEachOther(found);
    const ordered = found.map((f) => f.statement).sort(byTime);
    const kept = keepReadable(ordered);
    series.push({ kind: kind.id, label: kind.label, statements: kept, omitted: ordered.length - kept.length });
  }
  return { series };
}

/** The corpus's reports as figure sources, from the search index the background already keeps. */
export function corpusFigureSources(index: { reports: readonly ReportMeta[]; claims: readonly IndexedClaim[] }): FigureSource[] {
  const sources: FigureSource[] = index.reports.map((r) => ({ reportId: r.id, title: r.title, outlet: r.outlet, date: r.date, claims: [] }));
  for (const c of index.claims) {
    // Only claims: the index also keeps a report's other sentences as evidence, and a count
    // in one of those (another story's teaser) is no figure of this story.
    if (c.quantities.length && c.checkable.length) (sources[c.report]!.claims as ExtractedClaim[]).push(c);
  }
  return sources.filter((s) => s.claims.length > 0);
}

/**
 * The article being read as a figure source, from its analysis (what the background keeps of
 * a tab): each claim that states a count is read again on its own, dated against the
 * article's date, and keeps the source the whole-text reading gave it ("he said" → the
 * speaker named before).
 */
export function articleFigureSource(
  analysis: {
    article: { title: string | null; siteName: string | null; publishedTime: string | null };
    claims: readonly { text: string; attribution: string | null; quantities: readonly unknown[] }[];
  },
  pack: TopicPack,
): FigureSource {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(analysis.article.publishedTime ?? '')?.[0] ?? null;
  let offset = 0;
  const claims = analysis.claims
    .filter((c) => c.quantities.length > 0)
    .map((c) => {
      const parsed = parseClaim(c.text, { pack, documentDate: date, offset });
      offset += c.text.length + 1;
      return { ...parsed, attribution: c.attribution ?? parsed.attribution };
    });
  return { reportId: null, title: analysis.article.title, outlet: analysis.article.siteName, date, claims, fromArticle: true };
}

// ---------------------------------------------------------------------------------------

interface Found {
  statement: FigureStatement;
  quantity: ParsedQuantity;
}

function figuresOf(source: FigureSource, kinds: readonly FigureKind[]): Found[] {
  const out: Found[] = [];
  const seen = new Set<string>();
  for (const claim of source.claims) {
    if (claim.historical || claim.polarity === 'denies') continue;
    assertedQuantities(claim).forEach((q, rank) => {
      // "Thousands of troops" is a writer's round word, not a figure to set against others.
      if (q.bound === 'vague') return;
      const kind = kinds.find((k) => fits(k, claim, q));
      if (!kind) return;
      const measure = measureOf(q);
      // A report that gives the same figure twice (headline and body) gives it once.
      const key = `${kind.id}|${measure}|${q.min}|${q.max}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push({ statement: statementOf(source, claim, q, rank, kind, measure), quantity: q });
    });
  }
  return out;
}

function fits(kind: FigureKind, claim: ExtractedClaim, q: ParsedQuantity): boolean {
  if (!kind.families.includes(q.family)) return false;
  if (kind.force && claim.force && claim.force !== kind.force) return false;
  if (kind.near) {
    const after = claim.text.slice(q.span[1], q.span[1] + NEAR_WINDOW_CHARS).toLowerCase();
    kind.near.lastIndex = 0;
    if (!kind.near.test(after)) return false;
  }
  return true;
}

function measureOf(q: ParsedQuantity): FigureMeasure {
  if (q.kind !== 'projection') return 'count';
  return q.outlook === 'planned' ? 'planned' : 'possible';
}

function statementOf(source: FigureSource, claim: ExtractedClaim, q: ParsedQuantity, rank: number, kind: FigureKind, measure: FigureMeasure): FigureStatement {
  const fromArticle = source.fromArticle === true;
  const date = claim.date ?? source.date;
  return {
    id: `${source.reportId ?? 'article'}@${claim.start}.${rank}`,
    kind: kind.id,
    measure,
    value: q.value,
    min: q.min,
    max: q.max,
    label: formatQuantity(q),
    figure: formatQuantity({ ...q, unit: '' }).trim(),
    date,
    dateFrom: date === null ? null : date === source.date ? 'report' : 'sentence',
    source: claim.attribution ?? claim.via ?? source.outlet ?? (fromArticle ? 'this article' : UNNAMED_SOURCE),
    via: claim.attribution ? claim.via : null,
    reportId: source.reportId,
    reportTitle: source.title,
    outlet: source.outlet,
    fromArticle,
    sentence: claim.text.replace(/\s+/g, ' ').trim(),
    hedged: q.hedged,
    reading: date === null ? 'undated' : 'first',
    after: null,
    conflictsWith: [],
  };
}

/**
 * Marks each dated figure against the others of its kind and measure: different counts less
 * than UPDATE_MIN_DAYS apart conflict (unless one source gives both in one report, or one is a
 * part of the other); otherwise a figure reads against the latest one of an earlier day (the
 * same, an update, or lower).
 */
function readAgainstEachOther(found: Found[]): void {
  const dated = found.filter((f) => f.statement.date !== null).sort((a, b) => byTime(a.statement, b.statement));
  const groups = new Map<FigureMeasure, Found[]>();
  for (const f of dated) groups.set(f.statement.measure, [...(groups.get(f.statement.measure) ?? []), f]);
  for (const group of groups.values()) {
    group.forEach((f, i) => {
      // Sorted by date: only the neighbours within the window can conflict.
      for (let j = i + 1; j < group.length; j++) {
        const g = group[j]!;
        if (daysBetween(f.statement.date!, g.statement.date!) >= UPDATE_MIN_DAYS) break;
        // A part beside its whole ("12,000 in all, 1,500 of them special forces") is no disagreement,
        // nor are two figures one source gives in one report.
        if (f.quantity.partial || g.quantity.partial || sameVoice(f.statement, g.statement)) continue;
        if (compatible(f.quantity, g.quantity)) continue;
        f.statement.conflictsWith.push(g.statement.id);
        g.statement.conflictsWith.push(f.statement.id);
      }
    });
    group.forEach((f, i) => {
      const s = f.statement;
      if (s.conflictsWith.length) {
        s.reading = 'conflict';
        return;
      }
      // Read against the latest figure of an earlier day; one of the same day can only agree.
      const before = group.slice(0, i).reverse().find((b) => b.statement.date! < s.date!);
      const sameDay = group.slice(0, i).find((b) => b.statement.date === s.date && compatible(b.quantity, f.quantity));
      if (!before) {
        if (sameDay) s.reading = 'agrees';
        return;
      }
      if (compatible(before.quantity, f.quantity) || sameDay) s.reading = 'agrees';
      else {
        s.reading = s.value > before.statement.value ? 'update' : 'lower';
        s.after = before.statement.id;
      }
    });
  }
}

function sameVoice(a: FigureStatement, b: FigureStatement): boolean {
  return a.reportId === b.reportId && a.fromArticle === b.fromArticle && a.source === b.source;
}

function byTime(a: FigureStatement, b: FigureStatement): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.value - b.value || a.id.localeCompare(b.id);
}

function keepReadable(ordered: FigureStatement[]): FigureStatement[] {
  if (ordered.length <= MAX_STATEMENTS_PER_KIND) return ordered;
  const article = ordered.filter((s) => s.fromArticle);
  const rest = ordered.filter((s) => !s.fromArticle);
  const datedRest = rest.filter((s) => s.date !== null);
  const room = Math.max(0, MAX_STATEMENTS_PER_KIND - article.length);
  // The most recent dated figures, then undated ones if room is left.
  const kept = new Set([...article, ...(room > 0 ? datedRest.slice(-room) : []), ...rest.filter((s) => s.date === null)].slice(0, MAX_STATEMENTS_PER_KIND));
  return ordered.filter((s) => kept.has(s));
}

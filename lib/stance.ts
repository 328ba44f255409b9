// Decides how a matched claim stands to the reader's claim, and says why in words a
// reader checks at a glance: "both: 1,500 troops", "about 3,000 vs 1,500 troops",
// "planned total (decided to send 12,000) vs present count (1,500 arrival)", "asserts vs denies".
//
// Order of questions: are they about the same time and the same forces? Do their counts
// of the same thing agree? If they state no comparable counts, do they take the same
// position on the same event (asserted, denied, no comment)?

import { assertedQuantities, type ClaimEvent, type ExtractedClaim, type Polarity } from './claims';
import { datedApart, datedAtLeastAfter, daysBetween, namesCalendarDate, shortDate, shortDates } from './dates';
import { formatQuantity, type ParsedQuantity } from './quantities';
import { FIRST_OF_KIND, FIRST_STATEMENT_CUES } from './news-english';
import { foldText, STOP_WORDS } from './normalise';
import { compilePack, type CompiledPack } from './topics/compile';
import type { TopicPack } from './topics/types';
import type { Stance } from './types';

/** Exact counts agree when their intervals, widened by this share, overlap ("1,500" vs "1,550"). */
export const EXACT_COUNT_TOLERANCE = 0.05;
/** Approximate counts ("about", "nearly", "some") are widened by this share before comparing. */
export const APPROX_COUNT_TOLERANCE = 0.1;
/**
 * A figure within this factor of a vague amount's interval is close to it, not against it:
 * "thousands" (2,000-9,999) is close to 1,500 and to 12,000 (related), but against 500.
 */
export const VAGUE_NEAR_FACTOR = 2;
/**
 * Two figures further apart than this factor count different groups (three missing men
 * and the 3,000 sent; a company of 200 and the 12,000 of the whole force), not the same
 * group twice: related, not a contradiction. Casualty tolls have their own rule.
 */
export const DIFFERENT_SCALE_RATIO = 20;
/**
 * Present counts dated at least this many days apart are read as an update, not a
 * contradiction: deployments grow by the week, and reports a few days apart describe
 * the same state of affairs.
 */
export const UPDATE_MIN_DAYS = 5;
/**
 * A side that denied or kept silent, and speaks up for itself at least this many days later,
 * has changed its position: an update, not a contradiction. Closer together, the two describe
 * the same moment of the story (real news reads "did not comment" on 8 October against a
 * dismissal on the 10th as a contradiction), as with counts.
 */
export const POSITION_CHANGE_MIN_DAYS = UPDATE_MIN_DAYS;

export interface StanceJudgement {
  stance: Stance;
  why: string;
}

const CASUALTY_FAMILIES = new Set(['killed', 'wounded', 'captured', 'casualties']);
/**
 * Silences that say the speaker cannot tell ("could not verify", "not in a position to
 * confirm"), not that it withholds: they contradict neither the speaker's own claims nor a denial.
 */
const CANNOT_TELL = /\b(?:could not|cannot|can not|can't|couldn't|unable to|not able to|in a position to)\b/i;

/** How `other` (a corpus claim) stands to `page` (the claim being checked), both read with `pack`. */
export function judgeStance(page: ExtractedClaim, other: ExtractedClaim, pack: TopicPack): StanceJudgement {
  const apart = apartFromTheStart(page, other);
  if (apart) return apart;
  const counts = decidingCounts(page, other);
  if (counts) {
    const sameIncident =
      page.places.some((p) => other.places.includes(p) && !pack.broadPlaces.includes(p)) || (!!page.when && page.when === other.when);
    const sameSource = page.attribution !== null && page.attribution === other.attribution ? page.attribution : null;
    return compareQuantities(counts[0], counts[1], sameIncident, page, other, sameSource);
  }
  return compareEvents(page, other, compilePack(pack));
}

/**
 * False when judgeStance(page, other, pack) cannot say 'conflicts': a quick test for the
 * matcher, which looks through a claim's candidates for contradictions ranked close behind
 * its list and would otherwise judge every one in full, reasons and all (a quarter of the
 * matcher's time at 100,000 claims). It takes judgeStance's steps: where counts decide, only
 * two counts of the same thing and kind that disagree can conflict; otherwise only two
 * different positions on a shared event that is not generic, or a first event of a kind
 * against an earlier report of one. Sound, not exact: true says only that a full judgement
 * is needed (tests/unit/stance.test.ts checks that no conflicting pair is ruled out).
 */
export function mayConflict(page: ExtractedClaim, other: ExtractedClaim, pack: TopicPack): boolean {
  if (apartFromTheStart(page, other)) return false;
  const counts = decidingCounts(page, other);
  if (counts) {
    // Only two counts of the same thing and kind that disagree make a contradiction.
    for (const qa of counts[0]) for (const qb of counts[1]) if (qa.family === qb.family && qa.kind === qb.kind && fitOf(qa, qb) === 'disagree') return true;
    return false;
  }
  const k = compilePack(pack);
  for (const ea of page.events) {
    if (k.flagged.generic.has(ea.family)) continue;
    for (const eb of other.events) {
      if (eb.family !== ea.family) continue;
      // Positions meet only where they differ (compareEvent); two assertions conflict only as a first event reported after an earlier one.
      if (ea.polarity !== eb.polarity) return true;
      if (ea.polarity === 'asserts' && k.flagged.firstMeansNoneBefore.has(ea.family) && (MENTIONS_FIRST.test(page.text) || MENTIONS_FIRST.test(other.text))) return true;
    }
  }
  return false;
}

/** Two claims that are only related whatever else they say: background against current events, or two forces named outright. */
function apartFromTheStart(page: ExtractedClaim, other: ExtractedClaim): StanceJudgement | null {
  if (page.historical !== other.historical) {
    const old = page.historical ? page : other;
    return { stance: 'related', why: `background (${describeWhen(old.when)}) vs current events` };
  }
  if (page.forceEvidence === 'strong' && other.forceEvidence === 'strong' && page.force !== other.force) {
    return { stance: 'related', why: `different forces: ${page.force} vs ${other.force}` };
  }
  return null;
}

/**
 * The two claims' own counts when the counts decide how they stand: both count something,
 * and neither is a denial against a claim that is not (a denied count is a denial first:
 * "Moscow denied that 12,000 troops are in Kursk"; and a count someone could not verify is
 * not their count: "could not verify Zelensky's claim that 11,000 …").
 */
function decidingCounts(page: ExtractedClaim, other: ExtractedClaim): [ParsedQuantity[], ParsedQuantity[]] | null {
  if ((page.polarity === 'denies') !== (other.polarity === 'denies')) return null;
  const a = ownCounts(page);
  const b = ownCounts(other);
  return a.length && b.length ? [a, b] : null;
}

/** The counts a claim states as its own (assertedQuantities), found once per claim: one claim is judged against many. */
function ownCounts(c: ExtractedClaim): ParsedQuantity[] {
  return madeOnce(ownCountsOf, c, assertedQuantities);
}
const ownCountsOf = new WeakMap<ExtractedClaim, ParsedQuantity[]>();

/**
 * What `make` gives for `key`, made at its first use and kept beside the object. Claims and
 * their counts do not change once read, and one claim is judged against many (every
 * candidate of a page claim, the same corpus claim for every page): what stance reads of
 * them (quotations, own counts, the wording of figures) is worked out once each.
 */
function madeOnce<K extends object, V>(memo: WeakMap<K, V>, key: K, make: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) memo.set(key, (value = make(key)));
  return value;
}

// ---------------------------------------------------------------------------------------
// Counts
//
// Two counts are compared only when they count the same thing (family) in the same way
// (kind): a present count against a planned total ("1,500 have arrived" vs "decided to send
// a total of 12,000") is two facts about one deployment, not a contradiction. Among the
// pairs of counts of two claims, the most telling decides: two figures that agree, two
// figures that differ, a vague amount ("thousands") that agrees or differs, a vague amount
// close to a figure, a part against its whole ("a first group of 1,500" and 11,000), two
// figures too far apart to count the same group, and last two kinds of count side by side.

/** How two counts of the same thing and kind stand to each other. */
type Fit = 'agree' | 'near' | 'disagree' | 'apart' | 'part';

interface CountPair {
  a: ParsedQuantity;
  b: ParsedQuantity;
  fit: Fit;
  vague: boolean;
}

/** How two non-empty lists of counts stand to each other. */
function compareQuantities(
  a: ParsedQuantity[],
  b: ParsedQuantity[],
  sameIncident: boolean,
  page: ExtractedClaim,
  other: ExtractedClaim,
  sameSource: string | null,
): StanceJudgement {
  const pairs: CountPair[] = [];
  let mixedKinds: [ParsedQuantity, ParsedQuantity] | null = null;
  for (const qa of a) {
    for (const qb of b) {
      if (qa.family !== qb.family) continue;
      if (qa.kind !== qb.kind) mixedKinds ??= [qa, qb];
      else pairs.push({ a: qa, b: qb, fit: fitOf(qa, qb), vague: qa.bound === 'vague' || qb.bound === 'vague' });
    }
  }
  const agree = firstPair(pairs, 'agree', false);
  if (agree) return corroboration(agree);
  const disagree = firstPair(pairs, 'disagree', false);
  if (disagree) {
    // Dates matter only here: the pairs of every other outcome allocate nothing for them.
    const dates: [string | null, string | null] = [page.date, other.date];
    return updateOverTime(disagree, dates) ?? revisedBySource(disagree, dates, sameSource) ?? datedAgainstUndated(disagree, dates, [page.text, other.text]) ?? contradiction(disagree, sameIncident);
  }
  const vagueAgree = firstPair(pairs, 'agree', true);
  if (vagueAgree) return corroboration(vagueAgree);
  const vagueDisagree = firstPair(pairs, 'disagree', true);
  if (vagueDisagree) return contradiction(vagueDisagree, sameIncident);
  const near = firstPair(pairs, 'near', true);
  if (near) return { stance: 'related', why: `${valueText(near.a)} vs ${valueText(near.b)} ${unitText(near.a, near.b)} (vague amount, close)` };
  const part = pairs.find((p) => p.fit === 'part');
  if (part) {
    const [piece, whole] = part.a.partial ? [part.a, part.b] : [part.b, part.a];
    return { stance: 'related', why: `${piece.partial} (${valueText(piece)}) vs ${valueText(whole)} ${whole.unit}` };
  }
  const apart = pairs.find((p) => p.fit === 'apart');
  if (apart) return { stance: 'related', why: `different groups? ${valueText(apart.a)} vs ${valueText(apart.b)} ${unitText(apart.a, apart.b)}` };
  if (mixedKinds) {
    const [qa, qb] = mixedKinds;
    return { stance: 'related', why: `${kindText(qa)} vs ${kindText(qb)}` };
  }
  const qa = a[0]!;
  const qb = b[0]!;
  const what = CASUALTY_FAMILIES.has(qa.family) || CASUALTY_FAMILIES.has(qb.family) ? 'different counts' : 'counts of different things';
  return { stance: 'related', why: `${what}: ${countText(qa)} vs ${countText(qb)}` };
}

/** The first pair of counts that fit so, exactly or vaguely. (A loop at module level: this runs for every candidate a claim's matching judges.) */
function firstPair(pairs: readonly CountPair[], fit: Fit, vague: boolean): CountPair | undefined {
  for (const p of pairs) if (p.fit === fit && p.vague === vague) return p;
  return undefined;
}

function corroboration({ a, b }: CountPair): StanceJudgement {
  const same = valueText(a) === valueText(b);
  return { stance: 'corroborates', why: same ? `both: ${countText(a)}` : `both: ${countText(a)} (${valueText(a)} vs ${valueText(b)})` };
}

/**
 * Two different present counts of the same thing, stated far enough apart in time, are an
 * update rather than a contradiction: 1,500 had arrived by 18 October, 3,000 by 23 October.
 * Each is judged at its own date; only counts at about the same time can contradict.
 */
function updateOverTime({ a, b }: CountPair, [da, db]: [string | null, string | null]): StanceJudgement | null {
  const dated = a.kind === 'count' ? datedApart(da, db, UPDATE_MIN_DAYS) : null;
  if (!dated) return null;
  const forward = daysBetween(...dated) > 0;
  const [early, late] = forward ? [a, b] : [b, a];
  const [earlyDate, lateDate] = forward ? shortDates(dated[0], dated[1]) : shortDates(dated[1], dated[0]);
  return {
    stance: 'related',
    why: `update: ${valueText(early)} (${earlyDate}) then ${valueText(late)} (${lateDate}) ${unitText(a, b)}`,
  };
}

/**
 * Two different present counts from one original source where a date is missing (dated far
 * enough apart, updateOverTime has read them already): the source revised its figure
 * (Seoul's spy agency: 1,500 had arrived, later 3,000), an update a reader follows, not two
 * reports that cannot both be right. Both dated, and so within UPDATE_MIN_DAYS, they still
 * contradict.
 */
function revisedBySource({ a, b }: CountPair, [da, db]: [string | null, string | null], source: string | null): StanceJudgement | null {
  if (!source || a.kind !== 'count' || (da && db)) return null;
  return { stance: 'related', why: `revised by ${source}? ${valueText(a)} vs ${valueText(b)} ${unitText(a, b)}` };
}

/**
 * A present count whose sentence dates it ("deployed in November some 11,000 soldiers",
 * "between early to mid-October … at least 3,000") against a different count from a report
 * that carries no date at all: the sentence tells the reader its figure belongs to a time,
 * and nothing places the other one at that time. Both may be right, each at its own date
 * (the deployment grew), so the pair is set side by side, not called a contradiction. Two
 * undated-in-words counts still contradict: each reads as the figure standing when written.
 */
function datedAgainstUndated({ a, b }: CountPair, [da, db]: [string | null, string | null], [sa, sb]: [string, string]): StanceJudgement | null {
  if (a.kind !== 'count' || (da === null) === (db === null)) return null;
  const [dated, undated, date, sentence] = da !== null ? [a, b, da, sa] : [b, a, db!, sb];
  if (!namesCalendarDate(sentence)) return null;
  return { stance: 'related', why: `different times? ${valueText(dated)} (${shortDate(date)}) vs ${valueText(undated)} (undated) ${unitText(a, b)}` };
}

function contradiction({ a, b }: CountPair, sameIncident: boolean): StanceJudgement {
  const figures = `${valueText(a)} vs ${valueText(b)} ${unitText(a, b)}`;
  // Casualty counts add up over time and places: two different tolls may be two different incidents.
  if (a.kind === 'casualties' && !sameIncident) return { stance: 'related', why: `casualty counts of different incidents? ${figures}` };
  if (a.kind !== 'projection') return { stance: 'conflicts', why: figures };
  const bothPlanned = a.outlook === 'planned' && b.outlook === 'planned';
  return { stance: 'conflicts', why: `${figures} (${bothPlanned ? 'both planned totals' : 'both projections'})` };
}

/** Whether two counts of the same thing agree, allowing for rounding and approximation. */
export function compatible(a: ParsedQuantity, b: ParsedQuantity): boolean {
  return fitOf(a, b) === 'agree';
}

/**
 * Figures agree when their intervals, widened for rounding, overlap. A vague amount agrees
 * with what its interval covers ("thousands" and "nearly 3,000") and is close to what lies
 * within VAGUE_NEAR_FACTOR of it ("thousands" and 1,500 or 12,000): a writer's round word,
 * not a contradiction. Beyond that it disagrees ("hundreds" and 12,000).
 */
function fitOf(a: ParsedQuantity, b: ParsedQuantity): Fit {
  const [aLo, aHi] = widened(a);
  const [bLo, bHi] = widened(b);
  const exact = a.bound !== 'vague' && b.bound !== 'vague';
  // A batch added to a force is not the force's size, whatever the figures ("another 1,000" and 3,000).
  if (exact && (a.partial === 'an addition') !== (b.partial === 'an addition')) return 'part';
  if (aLo <= bHi && bLo <= aHi) return 'agree';
  if (exact) {
    // A first group smaller than a total is a part of it ("a first group of 1,500" and 11,000 now).
    if ((a.partial && aHi < bLo) || (b.partial && bHi < aLo)) return 'part';
    const ratio = aHi < bLo ? bLo / aHi : aLo / bHi;
    return a.kind !== 'casualties' && ratio > DIFFERENT_SCALE_RATIO ? 'apart' : 'disagree';
  }
  const [naLo, naHi] = nearInterval(aLo, aHi, a);
  const [nbLo, nbHi] = nearInterval(bLo, bHi, b);
  return naLo <= nbHi && nbLo <= naHi ? 'near' : 'disagree';
}

/** What a vague amount is close to: its interval widened by VAGUE_NEAR_FACTOR either way. */
function nearInterval(lo: number, hi: number, q: ParsedQuantity): [number, number] {
  return q.bound === 'vague' ? [lo / VAGUE_NEAR_FACTOR, hi * VAGUE_NEAR_FACTOR] : [lo, hi];
}

function widened(q: ParsedQuantity): [number, number] {
  const share = q.approx ? APPROX_COUNT_TOLERANCE : EXACT_COUNT_TOLERANCE;
  const hi = q.max === null ? Infinity : q.max;
  return [q.min * (1 - share), hi * (1 + share)];
}

/** The figure without its unit, as a reader says it: "about 1,500", "11,000-12,000", "thousands". */
function valueText(q: ParsedQuantity): string {
  return madeOnce(valueTexts, q, figureWithoutUnit);
}

function figureWithoutUnit(q: ParsedQuantity): string {
  return q.bound === 'vague' ? (q.vagueWord ?? 'some') : formatQuantity({ ...q, unit: '' }).trim();
}

/** The figure with its unit: "about 1,500 soldiers". */
function countText(q: ParsedQuantity): string {
  return madeOnce(countTexts, q, formatQuantity);
}

// Most counts judged are never shown (the candidates not listed), and formatting a number
// took a tenth of the matcher at 100,000 claims: each count's wording is made once.
const valueTexts = new WeakMap<ParsedQuantity, string>();
const countTexts = new WeakMap<ParsedQuantity, string>();

function unitText(a: ParsedQuantity, b: ParsedQuantity): string {
  return a.unit === b.unit ? a.unit : `${a.unit} / ${b.unit}`;
}

/** "planned total (decided to send 12,000)", "projection (could reach 12,000)", "present count (1,500 arrival)". */
function kindText(q: ParsedQuantity): string {
  const n = valueText(q);
  if (q.kind === 'projection') {
    const what = q.outlook === 'planned' ? 'planned total' : 'projection';
    return `${what} (${withCue(q, n)})`;
  }
  if (q.kind === 'casualties') return `casualties (${countText(q)})`;
  return `present count (${q.cue ? withCue(q, n) : `${n} ${q.unit}`})`;
}

/** The figure with the words that set its kind, in the order they stand: "plans to deploy 12,000", "1,500 have arrived". */
function withCue(q: ParsedQuantity, figure: string): string {
  if (!q.cue) return figure;
  return q.cueAfter ? `${figure} ${q.cue}` : `${q.cue} ${figure}`;
}

// ---------------------------------------------------------------------------------------
// Events and positions

type Verdict = StanceJudgement & { rank: number; family?: string };

function compareEvents(page: ExtractedClaim, other: ExtractedClaim, k: CompiledPack): StanceJudgement {
  // Sending observers and not sending combat troops are different questions, whatever else the sentences share.
  if (page.role && other.role && page.role !== other.role) {
    return { stance: 'related', why: `different roles: ${roleText(page.role)} vs ${roleText(other.role)}` };
  }
  // Two reports quoting the same words of the same speaker report the same statement.
  const quoted = sameQuotation(page, other);
  if (quoted) return { stance: 'corroborates', why: `both quote ${page.speaker}: "${quoted}"` };
  const shared = page.events.filter((e) => other.events.some((o) => o.family === e.family)).map((e) => e.family);
  // Two people's reactions ("a dangerous step", "a significant escalation") do not confirm each other.
  if (
    shared.length &&
    shared.every((f) => k.flagged.reaction.has(f)) &&
    page.speaker &&
    other.speaker &&
    page.speaker !== other.speaker
  ) {
    return { stance: 'related', why: `different statements: ${page.speaker} vs ${other.speaker}` };
  }
  const verdicts: Verdict[] = [];
  for (const ea of page.events) {
    for (const eb of other.events) {
      if (ea.family !== eb.family) continue;
      verdicts.push({ ...compareEvent(page, ea, other, eb, k), family: ea.family });
    }
  }
  // Generic events (combat, ties) give context, never a verdict.
  // Families so common in war reporting (combat, ties, condemnation) that sharing one alone
  // neither confirms nor contradicts: such a pair is at most related.
  const telling = verdicts.filter((v) => !k.flagged.generic.has(v.family ?? ''));
  if (telling.length === 0) return { stance: 'related', why: relatedWhy(page, other, k) };
  // A contradiction on any shared event is what the reader most needs to see; otherwise the
  // most specific shared event speaks ("guard duty" rather than "deployment").
  telling.sort(
    (x, y) =>
      Number(y.stance === 'conflicts') - Number(x.stance === 'conflicts') ||
      specificity(y.family, k) - specificity(x.family, k) ||
      y.rank - x.rank,
  );
  return { stance: telling[0]!.stance, why: telling[0]!.why };
}

/** Words a quotation must share, in a row, to be the same words quoted. */
export const SAME_QUOTE_WORDS = 2;

/**
 * The quoted stretches of a folded sentence. A quotation may open in it and run on past its
 * end (She remarked, "There is no need …), or have opened in a sentence before it and close
 * here (… from entering the Ukrainian conflict.").
 */
function quotedSpans(folded: string): string[] {
  const parts = folded.split('"');
  // A lone mark with nothing but punctuation after it closes a quotation begun earlier.
  if (parts.length === 2 && /^[\s.,;:!?)]*$/.test(parts[1]!)) return [parts[0]!];
  // Otherwise every other stretch is quoted; after an odd number of marks the last runs to the end.
  return parts.filter((q, i) => i % 2 === 1 && q.trim().length >= 3);
}

/** A claim's quotations as words, and each as a padded string to look runs up in. */
interface Quoted {
  words: string[][];
  padded: string[];
}
const quotedOf = new WeakMap<ExtractedClaim, Quoted>();

function quotations(c: ExtractedClaim): Quoted {
  return madeOnce(quotedOf, c, readQuotations);
}

function readQuotations(c: ExtractedClaim): Quoted {
  const words = quotedSpans(foldText(c.text)).map((span) => span.split(/[^\p{L}\p{N}'-]+/u).filter((w) => w.length > 0));
  return { words, padded: words.map((w) => ` ${w.join(' ')} `) };
}

/** The longest run of words two sentences quote alike from the same speaker ("a significant escalation"), or null. */
function sameQuotation(a: ExtractedClaim, b: ExtractedClaim): string | null {
  if (!a.speaker || a.speaker !== b.speaker) return null;
  const theirs = quotations(b).padded;
  if (theirs.length === 0) return null;
  const quotedByBoth = (run: string[]) => theirs.some((t) => t.includes(` ${run.join(' ')} `));
  let best: string[] = [];
  for (const words of quotations(a).words) {
    for (let i = 0; i + SAME_QUOTE_WORDS <= words.length; i++) {
      let end = i + SAME_QUOTE_WORDS;
      if (!quotedByBoth(words.slice(i, end))) continue;
      while (end < words.length && quotedByBoth(words.slice(i, end + 1))) end++;
      const run = words.slice(i, end);
      // A run of small words ("of the") is no quotation of anyone.
      if (run.length > best.length && run.some((w) => !STOP_WORDS.has(w))) best = run;
    }
  }
  return best.length ? best.join(' ') : null;
}

function compareEvent(page: ExtractedClaim, ea: ClaimEvent, other: ExtractedClaim, eb: ClaimEvent, k: CompiledPack): Verdict {
  const label = k.familyLabel.get(ea.family) ?? ea.family;
  if (ea.role && eb.role && ea.role !== eb.role) {
    return { stance: 'related', why: `different roles: ${roleText(ea.role)} vs ${roleText(eb.role)}`, rank: 1 };
  }
  const pa = ea.polarity;
  const pb = eb.polarity;
  if (pa === 'asserts' && pb === 'asserts') {
    // Events done by someone's forces: whose forces they are decides whether two reports agree.
    if (k.flagged.forces.has(ea.family) && !forcesAgree(page, other)) return { stance: 'related', why: relatedWhy(page, other, k), rank: 1 };
    // Arms for Russia and arms for Ukraine are two facts, however alike the words.
    if (ea.recipient && eb.recipient && ea.recipient !== eb.recipient) {
      return { stance: 'related', why: `${label} to ${ea.recipient} vs to ${eb.recipient}`, rank: 1 };
    }
    const first = firstAfterEarlier(page, other, ea.family, label, k);
    if (first) return first;
    // Allies who "voiced concern about North Korea supplying weapons" react to reports of it: they confirm nothing.
    if (!!ea.concern !== !!eb.concern) {
      const worried = ea.concern ? page : other;
      return { stance: 'related', why: `concern${worried.speaker ? ` from ${worried.speaker}` : ''} about ${label} vs a statement of it`, rank: 1 };
    }
    const cameTrue = expectedThenDone(page, ea, other, eb, label);
    if (cameTrue) return cameTrue;
    return { stance: 'corroborates', why: `both: ${subjectOf(page, other)}${label}${roleSuffix(ea, eb)}`, rank: 2 };
  }
  if (pa === pb) {
    if (!actorsOverlap(ea.actors, eb.actors)) return { stance: 'related', why: `${polarityText(pa)} from different sides`, rank: 1 };
    // "did not deny" leans towards the claim, "has not confirmed" away from it: two silences, two positions.
    // A bare "did not comment" agrees with either.
    if (pa === 'no-comment' && ((notDenying(ea) && notConfirming(eb)) || (notConfirming(ea) && notDenying(eb)))) {
      return { stance: 'related', why: `'${ea.cue}' vs '${eb.cue}'`, rank: 1 };
    }
    const who = commonActors(ea.actors, eb.actors);
    const apart = pa === 'no-comment' ? silencesApart(page, other, who) : null;
    if (apart) return apart;
    return {
      stance: 'corroborates',
      why: pa === 'denies' ? `both: ${who} denies` : `both: no comment from ${who}`,
      rank: 2,
    };
  }
  if (pa !== 'asserts' && pb !== 'asserts') {
    // Silence against a denial by the same side: one report says they said nothing, the other that they denied.
    if (actorsOverlap(ea.actors, eb.actors) && !cannotTell(ea) && !cannotTell(eb)) {
      const [silence, silentClaim, denialClaim] = pa === 'no-comment' ? [ea, page, other] : [eb, other, page];
      const broken = silenceThenDenial(silence, silentClaim, denialClaim);
      if (broken) return broken;
      return { stance: 'conflicts', why: `'${ea.cue ?? pa}' vs '${eb.cue ?? pb}'`, rank: 3 };
    }
    return { stance: 'related', why: `'${ea.cue ?? pa}' (${ea.actors.join(', ') || 'unnamed'}) vs '${eb.cue ?? pb}' (${eb.actors.join(', ') || 'unnamed'})`, rank: 1 };
  }
  // One asserts, the other denies or stays silent.
  const [assertClaim, negClaim, neg] = pa === 'asserts' ? [page, other, eb] : [other, page, ea];
  const changed = laterPosition(assertClaim, negClaim, neg, k);
  if (changed) return changed;
  const order = pa === 'asserts' ? `asserts vs ${polarityText(pb)}` : `${polarityText(pa)} vs asserts`;
  if (neg.polarity === 'denies') {
    const denied = deniedForce(negClaim, neg);
    if (denied && assertClaim.force && denied === assertClaim.force) {
      return { stance: 'conflicts', why: `${order} ('${neg.cue ?? 'denies'}')`, rank: 3 };
    }
    return { stance: 'related', why: `${order}, about different forces or unnamed ones`, rank: 1 };
  }
  // Silence conflicts only with the silent side itself speaking up, and saying it: a side
  // whose statement is hedged ("plans to", "may") has confirmed nothing ("has not confirmed"
  // stands), unless it says it confirms ("confirmed that 1,500 had arrived and the number
  // could rise").
  const speaker = assertClaim.attribution;
  if (speaker && !cannotTell(neg) && neg.actors.some((a) => speaksFor(speaker, a, k))) {
    if (assertClaim.hedgeCue && !CONFIRMING_VERB.test(assertClaim.text)) {
      return { stance: 'related', why: `'${neg.cue ?? 'no comment'}' vs ${speaker}, hedged ('${assertClaim.hedgeCue}')`, rank: 1 };
    }
    return { stance: 'conflicts', why: `${order} ('${neg.cue ?? 'no comment'}' vs ${speaker})`, rank: 3 };
  }
  const silent = neg.actors.join(', ') || 'unnamed side';
  return {
    stance: 'related',
    why: `no comment from ${silent} vs claim${assertClaim.attribution ? ` by ${assertClaim.attribution}` : ''}`,
    rank: 1,
  };
}

/**
 * The side that denied or kept silent (North Korea's envoy: "a groundless rumor") saying it
 * itself, well after ("North Korea confirmed for the first time"): each stood at its own
 * date, so the later one updates the earlier; a statement that says it is the side's first
 * comes after any undated silence or denial of it. A silence dated after the side spoke is still
 * a contradiction ("has not responded", written after a response), and so is another
 * side's denial.
 */
function laterPosition(assertClaim: ExtractedClaim, negClaim: ExtractedClaim, neg: ClaimEvent, k: CompiledPack): Verdict | null {
  const speaker = assertClaim.attribution;
  if (!speaker || !neg.actors.some((a) => speaksFor(speaker, a, k))) return null;
  const said = assertClaim.date;
  const before = negClaim.date;
  // "Confirmed for the first time": the side's undated silence or denial came before it.
  if (!before && FIRST_STATEMENT_CUES.test(assertClaim.text)) {
    return { stance: 'related', why: `update: '${neg.cue ?? polarityText(neg.polarity)}', then stated by ${speaker} for the first time${said ? ` (${shortDate(said, false)})` : ''}`, rank: 3 };
  }
  const dated = datedAtLeastAfter(before, said, POSITION_CHANGE_MIN_DAYS);
  if (!dated) return null;
  const [then, now] = shortDates(...dated);
  return { stance: 'related', why: `update: '${neg.cue ?? polarityText(neg.polarity)}' (${then}), then stated by ${speaker} (${now})`, rank: 3 };
}

/**
 * Two silences of one side dated UPDATE_MIN_DAYS or more apart: each says what stood at its
 * own date ("did not comment" on 8 October, "has not commented" on 17 December, often on
 * other allegations), so neither confirms the other.
 */
function silencesApart(page: ExtractedClaim, other: ExtractedClaim, who: string): Verdict | null {
  const dated = datedApart(page.date, other.date, UPDATE_MIN_DAYS);
  if (!dated) return null;
  const [first, second] = shortDates(...dated);
  return { stance: 'related', why: `no comment from ${who} at different dates (${first} and ${second})`, rank: 1 };
}

/**
 * "Will send" on 8 October, "has sent" on the 18th: the expectation came true later, an
 * update (related), as a planned total is against a later present count. Only where both
 * sentences say which (most say neither) and both are dated, the expectation well before:
 * undated, or a few days apart, the two tell the same news and the event agrees.
 */
function expectedThenDone(page: ExtractedClaim, ea: ClaimEvent, other: ExtractedClaim, eb: ClaimEvent, label: string): Verdict | null {
  if (!ea.aspect || !eb.aspect || ea.aspect === eb.aspect) return null;
  const [expected, done] = ea.aspect === 'expected' ? [page.date, other.date] : [other.date, page.date];
  const dated = datedAtLeastAfter(expected, done, UPDATE_MIN_DAYS);
  if (!dated) return null;
  const [then, now] = shortDates(...dated);
  return { stance: 'related', why: `update: ${label} expected (${then}), then done (${now})`, rank: 3 };
}

/**
 * A side's silence dated well before its own denial: it kept silent, then spoke (an update,
 * like a count that grew). Written after the denial, "has not responded" is still a
 * contradiction, and so is a denial within days of the silence: "did not comment" on
 * 8 October and "dismissed" on the 10th describe the same moment of the story.
 */
function silenceThenDenial(silence: ClaimEvent, silentClaim: ExtractedClaim, denialClaim: ExtractedClaim): Verdict | null {
  const dated = datedAtLeastAfter(silentClaim.date, denialClaim.date, POSITION_CHANGE_MIN_DAYS);
  if (!dated) return null;
  const [then, now] = shortDates(...dated);
  return { stance: 'related', why: `update: '${silence.cue ?? 'no comment'}' (${then}), then denied (${now})`, rank: 3 };
}

/**
 * A "first" stated this many days or more after another report of the same event contradicts
 * that report. Closer together, the "first" is more likely the same news confirmed by
 * another source a few days on.
 */
export const FIRST_AFTER_REPORT_MIN_DAYS = 30;

/** The word FIRST_OF_KIND needs, tested on the raw text before anything is folded. */
const MENTIONS_FIRST = /\bfirst\b/i;

/**
 * "Suffered their first casualties" (16 Dec) against a report of soldiers killed in early
 * October: both cannot be true, each at its date. Only for the families whose "first" says
 * none came before (the pack's firstMeansNoneBefore).
 */
function firstAfterEarlier(page: ExtractedClaim, other: ExtractedClaim, family: string, label: string, k: CompiledPack): Verdict | null {
  if (!k.flagged.firstMeansNoneBefore.has(family)) return null;
  // Thousands of pairs are judged per page at 100,000 claims, and most sentences say no
  // "first": the cheapest test comes first, and nothing is allocated on the way out.
  const pageFirst = MENTIONS_FIRST.test(page.text);
  const otherFirst = MENTIONS_FIRST.test(other.text);
  if (!pageFirst && !otherFirst) return null;
  return (pageFirst && firstOfKind(page, other, family, label, k, true)) || (otherFirst && firstOfKind(other, page, family, label, k, false)) || null;
}

/** `first` says it is the first `family` event, a month or more after `earlier` reported one. */
function firstOfKind(first: ExtractedClaim, earlier: ExtractedClaim, family: string, label: string, k: CompiledPack, firstIsPage: boolean): Verdict | null {
  const dated = datedAtLeastAfter(earlier.date, first.date, FIRST_AFTER_REPORT_MIN_DAYS);
  if (!dated) return null;
  const words = k.familyWords.get(family);
  if (!words) return null;
  for (const m of foldText(first.text).matchAll(FIRST_OF_KIND)) {
    if (!words.test(m[1]!)) continue;
    const [a, b] = shortDates(dated[1], dated[0]);
    return { stance: 'conflicts', why: firstIsPage ? `first ${label} (${a}) vs ${label} reported earlier (${b})` : `${label} (${b}) vs first ${label} later (${a})`, rank: 3 };
  }
  return null;
}

/** A statement that says it confirms: no hedge elsewhere in it takes that back. */
const CONFIRMING_VERB = /\b(?:confirm(?:ed|s)|acknowledg(?:ed|es)|admit(?:ted|s))\b/i;

/** Whether a source speaks for an actor: the actor itself, one of its bodies ("Russia's Foreign Ministry"), or a source the pack knows as its voice ("the Kremlin"). */
function speaksFor(speaker: string, actor: string, k: CompiledPack): boolean {
  return speaker === actor || speaker.startsWith(actor) || k.sourceEntry(speaker)?.actor === actor;
}

/** A silence that declines to deny ("did not deny", "didn't dispute"), not one that declines to confirm. */
function notDenying(e: ClaimEvent): boolean {
  return !!e.cue && /\b(?:deny|denied|dispute|disputed)\b/i.test(e.cue) && !/\bconfirm/i.test(e.cue);
}

/** A silence that declines to confirm ("has not confirmed", "has never acknowledged"), not one that declines to deny. */
function notConfirming(e: ClaimEvent): boolean {
  return !!e.cue && /\b(?:confirm\w*|acknowledg\w*|admit\w*)\b/i.test(e.cue) && !/\bden(?:y|ied)\b/i.test(e.cue);
}

/** Whose forces a denial is about: the claim's own, else the denier's (a side denies its own troops). */
function deniedForce(claim: ExtractedClaim, e: ClaimEvent): string | null {
  if (claim.force) return claim.force;
  return e.actors.length === 1 ? e.actors[0]! : null;
}

/**
 * Whether two assertions are about the same side's forces: the same force; or a weakly read
 * one; or neither named; or one unnamed but the same role (both send observers).
 */
function forcesAgree(a: ExtractedClaim, b: ExtractedClaim): boolean {
  if (a.force && b.force) return a.force === b.force || a.forceEvidence === 'weak' || b.forceEvidence === 'weak';
  if (!a.force && !b.force) return true;
  const named = a.force ? a : b;
  if (named.forceEvidence === 'weak') return true;
  return !!a.role && a.role === b.role;
}

function cannotTell(e: ClaimEvent): boolean {
  return e.polarity === 'no-comment' && CANNOT_TELL.test(e.cue ?? '');
}

function actorsOverlap(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

function commonActors(a: string[], b: string[]): string {
  return a.filter((x) => b.includes(x)).join(' and ');
}

function subjectOf(a: ExtractedClaim, b: ExtractedClaim): string {
  const force = a.force ?? b.force;
  return force ? `${force}'s ` : '';
}

function roleSuffix(a: ClaimEvent, b: ClaimEvent): string {
  const role = a.role ?? b.role;
  return role === 'intelligence' ? ' of intelligence personnel' : '';
}

function roleText(role: string): string {
  return role === 'intelligence' ? 'intelligence personnel' : 'combat troops';
}

function polarityText(p: Polarity): string {
  return p === 'no-comment' ? 'no comment' : p;
}

function relatedWhy(a: ExtractedClaim, b: ExtractedClaim, k: CompiledPack): string {
  const shared = a.predicates.find((p) => b.predicates.includes(p));
  if (shared) return `both about ${k.familyLabel.get(shared) ?? shared}`;
  const actors = a.actors.filter((x) => b.actors.includes(x));
  return actors.length ? `both about ${actors.slice(0, 2).join(' and ')}` : 'same story';
}

/** How telling an event family is, for choosing which shared event a reason names (the pack's order). */
function specificity(family: string | undefined, k: CompiledPack): number {
  const order = k.pack.reasonOrder;
  const i = family ? order.indexOf(family) : -1;
  return i < 0 ? 0 : order.length - i;
}

function describeWhen(when: string | null): string {
  if (!when) return 'earlier';
  const [y, m] = when.split('-');
  if (!m) return y!;
  const month = new Date(Date.UTC(2000, Number(m) - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return `${month} ${y}`;
}

// Finds the counts a news sentence states about forces and casualties: "nearly 3,000
// troops", "four brigades", "six soldiers were allegedly killed", "could rise to 12,000".
//
// A number only becomes a quantity when something countable follows it (or it clearly
// continues a count named just before: "… 1,500 troops, and the number could rise to
// 12,000"). That is what keeps years, dates, ages, percentages, money and names with
// numbers ("100-Year Partnership") out without a list of every non-count.

import { foldText } from './normalise';
import type { Quantity } from './types';

/** Present count ("1,500 have arrived"), projection ("could reach 12,000"), or casualties ("six killed"). */
export type QuantityKind = 'count' | 'projection' | 'casualties';
/**
 * What kind of projection: a planned or intended total ("had decided to send a total of
 * 12,000", "plans to deploy", "pledged to send", "being prepared to fight") or a mere
 * possibility ("could reach 12,000", "may rise to"). Null for counts and casualties.
 */
export type Outlook = 'planned' | 'possible';

export interface ParsedQuantity extends Quantity {
  kind: QuantityKind;
  /** Planned total or possibility, for projections; null otherwise. */
  outlook: Outlook | null;
  /** What the value may be compared with: "troops" (troops, soldiers, special forces…), "brigades", "killed"… */
  family: string;
  /** The interval the phrase allows: exact numbers have min = max; "more than 10,000" has max null. */
  min: number;
  max: number | null;
  /** Offsets of the phrase in the sentence (number through counted noun). */
  span: [number, number];
  /** The phrase as it stands ("approximately 1,500 North Korean soldiers"). */
  phrase: string;
  /** How the phrase bounds the value: "about 3,000", "more than 10,000", "11,000-12,000", "thousands". */
  bound: QuantityBound;
  /** The vague amount as written ("tens of thousands"), when bound is 'vague'. */
  vagueWord: string | null;
  /** The bounding words as written, lower-cased ("at least", "nearly", "up to"), or null. */
  boundWord: string | null;
  /** The words that set kind or hedge ("could rise to", "have arrived"), for the reasons shown. */
  cue: string | null;
  /** Whether the cue follows the figure ("1,500 have arrived") rather than precedes it ("plans to deploy 12,000"). */
  cueAfter: boolean;
  /**
   * A part of a larger whole, not the whole count: 'first group' ("a first group of 1,500
   * arrived", "the first stage of a larger deployment"), 'one unit' ("a unit of about 200
   * soldiers attacked") or 'part of a total' ("12,000 in total, including about 1,500
   * special forces"); null for a count of the whole.
   */
  partial: PartOfWhole | null;
}

export type PartOfWhole = 'first group' | 'one unit' | 'part of a total' | 'an addition';

export type QuantityBound = 'exact' | 'about' | 'below' | 'above' | 'upto' | 'range' | 'vague';

/** "up to 12,000" still means thousands, not zero: it allows this share of the figure up to the figure. */
export const UPTO_MIN_SHARE = 0.5;
/** Words scanned on each side of a number for its cues. */
export const CUE_WINDOW_WORDS = 10;
/** Words allowed between a number and what it counts ("1,500 North Korean special forces"). */
export const MAX_UNIT_GAP_WORDS = 4;
/** Words after the counted noun in which a casualty verb makes it casualties ("six soldiers were allegedly killed"). */
export const CASUALTY_WINDOW_WORDS = 4;

interface UnitDef {
  unit: string;
  family: string;
}

/** Counted nouns, longest first when matched. Families say what may be compared with what. */
const UNIT_NOUNS: [RegExp, UnitDef][] = [
  [/^special (?:operations? )?forces?(?: (?:troops|soldiers|personnel|units))?/, { unit: 'special forces', family: 'troops' }],
  [/^(?:military )?intelligence (?:personnel|officers|officials|agents)/, { unit: 'intelligence personnel', family: 'observers' }],
  [/^(?:military )?(?:observers|analysts|monitors|instructors|advisers|advisors)/, { unit: 'observers', family: 'observers' }],
  [/^(?:combat |ground |regular )?troops?\b/, { unit: 'troops', family: 'troops' }],
  [/^soldiers?\b/, { unit: 'soldiers', family: 'troops' }],
  [/^(?:servicemen|service ?members|military personnel|personnel)\b/, { unit: 'personnel', family: 'troops' }],
  [/^(?:commandos|paratroopers|marines|infantry(?:men)?|fighters|combatants|conscripts|recruits|mercenaries|volunteers|men)\b/, { unit: 'troops', family: 'troops' }],
  [/^(?:military |expeditionary )?(?:forces|force|contingents?)\b/, { unit: 'troops', family: 'troops' }],
  // Police sent abroad count as a force like troops ("400 Kenyan police officers").
  [/^(?:police(?: officers| personnel)?|policemen|policewomen|gendarmes)\b/, { unit: 'police officers', family: 'troops' }],
  [/^officers?\b/, { unit: 'officers', family: 'troops' }],
  [/^generals?\b/, { unit: 'generals', family: 'generals' }],
  [/^brigades?\b/, { unit: 'brigades', family: 'brigades' }],
  [/^battalions?\b/, { unit: 'battalions', family: 'battalions' }],
  [/^regiments?\b/, { unit: 'regiments', family: 'regiments' }],
  [/^divisions?\b/, { unit: 'divisions', family: 'divisions' }],
  [/^(?:workers|laborers|labourers)\b/, { unit: 'workers', family: 'workers' }],
  [/^(?:casualties|losses)\b/, { unit: 'casualties', family: 'casualties' }],
  [/^(?:dead|deaths|fatalities|killed)\b/, { unit: 'killed', family: 'killed' }],
  [/^(?:wounded|injured)\b/, { unit: 'wounded', family: 'wounded' }],
  [/^(?:prisoners(?: of war)?|pows?|captives|captured)\b/, { unit: 'captured', family: 'captured' }],
];

/** Families whose counts are people sent somewhere (the ones a casualty verb can turn into casualties). */
const PERSONNEL_FAMILIES = new Set(['troops', 'observers', 'workers', 'generals']);

/**
 * Casualty words after a counted noun ("soldiers were killed"), or before it ("killed 200
 * soldiers"), with the family they count and the words shown ("killed or wounded" is
 * casualties, as is "missing"). The combined forms come first: "killed or wounded" is not "killed".
 */
const CASUALTY_AFTER: [RegExp, string, string][] = [
  [/^(?:killed or wounded|killed and wounded|wounded or killed|dead or wounded|killed or injured|killed and injured)\b/, 'casualties', 'killed or wounded'],
  [/^(?:killed|dead|died|slain|perished|lost their lives)\b/, 'killed', 'killed'],
  [/^(?:wounded|injured)\b/, 'wounded', 'wounded'],
  [/^(?:captured|taken prisoner|taken captive|surrendered)\b/, 'captured', 'captured'],
  [/^(?:(?:gone|went|reported|listed as) )?missing(?: in action)?\b/, 'casualties', 'missing'],
];
const CASUALTY_BEFORE = /\b(killed|kill|wounded|injured|captured|capture|deaths? of|bodies of|loss of|lost)\s+$/;

const CASUALTY_UNIT = /^(?:killed|wounded|captured|casualties)$/;
/** Capitalised words that still end the search for a counted noun ("In", "The" opening a clause). */
const STOP_AFTER_NUMBER = /^(?:in|the|on|at|and|but|as|for|to|by|of|is|are|were|was|has|have|had)$/i;

/** Modifiers that may stand between a number and its noun. */
const GAP_WORD = /^(?:more|additional|extra|elite|other|of|the|its|their|his|her|military|active|regular|new|fresh|combat|ground|strong|armed|highly|trained|well-trained|fully|equipped|from|around|some|[\p{L}-]+['’]s)$/u;

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  dozen: 12, 'a dozen': 12,
  // "a thousand", "a hundred": only ever matched before its scale.
  a: 1,
};
/**
 * Vague amounts as the interval a reader would allow them: "thousands" is at least two
 * thousand (one thousand and some is "more than a thousand") and below ten thousand
 * (beyond that writers say "tens of thousands"). lib/stance.ts reads a figure just
 * outside the interval as close to it, not as a contradiction.
 */
export const VAGUE: Readonly<Record<string, readonly [number, number]>> = {
  'tens of thousands': [10_000, 99_999],
  'several thousand': [2_000, 9_999],
  'a few thousand': [2_000, 5_000],
  thousands: [2_000, 9_999],
  'several hundred': [200, 999],
  'a few hundred': [200, 500],
  hundreds: [200, 999],
  dozens: [24, 99],
  'a handful': [2, 9],
};
const SCALE: Record<string, number> = { hundred: 100, thousand: 1_000, k: 1_000, million: 1_000_000 };

/** A number: digits with separators, optionally scaled; word numbers; vague amounts. */
const NUMBER = new RegExp(
  '(?<![\\p{L}\\p{N}$€£₩.,])' +
    '(?:' +
    '(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:(?:\\s*|-)(?<dscale>hundred|thousand|million|k)\\b)?' +
    '(?:\\s*(?:-|to|(?<=between\\s+\\S+)\\s+and)\\s*(?<digits2>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)(?:\\s*(?<dscale2>hundred|thousand|million|k)\\b)?)?' +
    '|(?<vague>tens of thousands|several thousand|a few thousand|thousands|several hundred|a few hundred|hundreds|dozens|a handful)' +
    '|(?<words>a(?=\\s+(?:hundred|thousand)\\b)|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen)(?:\\s+(?<wscale>hundred|thousand|million)\\b)?' +
    ')' +
    '(?![\\p{L}\\p{N}]|-(?:year|month|day|week|hour|minute|mile|km|kilomet|meter|metre|point|page|member|nation|party)|%)',
  'giu',
);

const MONTH = /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$/;
const MONTH_AFTER = /^\s*(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/;
const MONEY_BEFORE = /(?:[$€£₩]|us\$|usd|eur|krw|rub)\s*$/;
const MONEY_AFTER = /^\s*(?:billion|trillion|dollars?|won|rubles?|roubles?|euros?|yuan|usd|percent|per cent|%)/;
const NOT_COUNT_AFTER = /^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|km|kilomet|miles?|meters?|metres?|a\.m|p\.m|o'clock|percent|per cent|times|countries|nations)\b/;

/** Approximation words right before a number, and the interval they give it. */
const APPROX_BEFORE: [RegExp, 'about' | 'below' | 'above' | 'upto'][] = [
  [/\b(?:about|around|approximately|roughly|some|circa|an estimated|estimated|approx\.?|~)\s*$/, 'about'],
  [/\b(?:nearly|almost|close to|just under|just shy of)\s*$/, 'below'],
  [/\b(?:more than|over|at least|upwards of|upward of|in excess of|above|no fewer than|no less than)\s*$/, 'above'],
  [/\b(?:up to|as many as|no more than|fewer than|less than|under|at most)\s*$/, 'upto'],
];

/**
 * Cues that a count is a planned or intended total, not a present count: a decision, a
 * plan, a pledge, preparations ("had decided to send a total of 12,000", "10,000 soldiers
 * being prepared to fight", "is expected to send").
 */
const PLAN_CUES =
  /\b(?:will|shall|set to|poised to|slated to|scheduled to|expected to|(?:is|are) to be|plans? to|planning to|planned|intends? to|intending to|intention|intended|decided to|decides to|agreed to|agrees to|preparing to|prepares to|prepared to|being (?:prepared|readied)(?: to)?|readying|pledged to|pledges to|promised to|promises to|vowed to|vows to|committed to|ready to|in total|to be sent|to be deployed|to follow|(?:is|are) (?:sending|deploying|dispatching)|to (?:send|deploy|dispatch|mobili[sz]e))\b/g;
/**
 * Cues that a count is a possibility ("could reach 12,000", "may rise to"), not a present
 * count. A modal before "already" or "now" hedges a present count instead ("nearly 3,000
 * soldiers may already be positioned near the front line").
 */
const POSSIBLE_CUES =
  /\b(?:(?:could|may|might|would)(?!\s+(?:already|now|currently|still|have been|have already|be (?:already|now|currently|stationed|positioned|deployed|based)|be in)\b)|potential(?:ly)?|possible|eventually|future|rise to|rising to|reach|increase to|grow to|up to|as many as|more to come|could number)\b/g;
/** Cues that a count describes the present. */
const PRESENT_CUES = /\b(?:already|arrived|arrival|have been|has been|are now|now in|currently|stationed|positioned|deployed|undergoing|are fighting|were fighting|are in|were in|there are|have reached|has reached|sent|has sent|have sent|dispatched|confirmed)\b/g;
/** Words that hedge a statement without making it a projection. */
const HEDGE_CUES = /\b(?:may|might|could|would|reportedly|allegedly|alleged|purportedly|possibly|likely|probably|believed|thought to|said to be|suggest(?:s|ed|ing)?|unconfirmed|unverified|claimed|rumou?red|estimated|expected|plans?|planning|intends?|preparing|potential|possible|up to|as many as)\b/g;

/** Parses the counts stated in one sentence, in order. */
export function parseQuantities(sentence: string): ParsedQuantity[] {
  const folded = foldText(sentence);
  const out: ParsedQuantity[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(folded); m; m = NUMBER.exec(folded)) {
    const start = m.index;
    const numEnd = start + m[0].length;
    const before = folded.slice(Math.max(0, start - 40), start);
    const after = folded.slice(numEnd, numEnd + 40);
    const g = m.groups ?? {};
    if (g.digits && isNotCount(g.digits, before, after)) continue;

    const range = numberRange(g);
    if (!range) continue;
    const unitFound = findUnit(folded, numEnd, sentence);
    let unit: UnitDef | null = unitFound?.def ?? null;
    let end = unitFound?.end ?? numEnd;
    if (!unit) {
      // "six North Koreans were killed": a people counted among the dead, wounded or captured is
      // a casualty count. Not a count of people alone ("10,000 North Koreans"): workers,
      // students and soldiers are all written so.
      const people = peopleNoun(sentence, numEnd);
      if (people !== null && casualtyAfter(folded, people)) {
        unit = { unit: 'people', family: 'troops' };
        end = people;
      }
    }
    if (!unit) {
      // "… at least 100 soldiers had died and about 1,000 had been wounded": the verb says what is counted.
      const bare = casualtyAfter(folded, numEnd);
      const prev = out[out.length - 1];
      if (bare && prev) unit = { unit: prev.unit.split(' ')[0]!, family: prev.family };
      else unit = inheritedUnit(folded, start, numEnd, out);
      if (!unit) continue;
    }
    // "four brigades, totaling 12,000 soldiers": the second figure restates the first.
    const restates = out.length > 0 && /\b(?:totall?ing|comprising|or about|or some|amounting to|numbering)\s*$/.test(before);

    let family = unit.family;
    let unitName = unit.unit;
    const casualty =
      casualtyAfter(folded, end) ??
      casualtyBefore(before) ??
      (unitFound?.adjective ? { family: unitFound.adjective, end: undefined } : null);
    if (casualty && (PERSONNEL_FAMILIES.has(family) || CASUALTY_UNIT.test(family))) {
      family = casualty.family;
      unitName = `${unit.unit.split(' ')[0]} ${casualty.label ?? casualty.family}`;
      end = Math.max(end, casualty.end ?? end);
    }

    const approxKind = APPROX_BEFORE.find(([re]) => re.test(before))?.[1] ?? null;
    let [min, max] = range.interval;
    if (approxKind === 'below') min = Math.round(min * 0.9);
    if (approxKind === 'above') max = null;
    if (approxKind === 'upto') min = Math.round(min * UPTO_MIN_SHARE);
    const approx = approxKind !== null || range.vague || range.isRange;
    const bound: QuantityBound = range.vague ? 'vague' : range.isRange ? 'range' : (approxKind ?? 'exact');
    const phraseStart = approxStart(folded, start, approxKind);

    const windowBefore = clauseBefore(folded, phraseStart, out);
    const windowAfter = clauseAfter(folded, end);
    const cues = kindCue(windowBefore, windowAfter);
    let kind: QuantityKind;
    let outlook = cues.outlook;
    let cue = cues.cue;
    let cueAfter = cues.after;
    const prev = out[out.length - 1];
    // "decided to send 12,000 troops in four brigades": a figure in the same phrase shares the first one's kind.
    const continues = !!prev && !cue && prev.kind !== 'casualties' && SAME_PHRASE.test(folded.slice(prev.span[1], phraseStart));
    if (['killed', 'wounded', 'captured', 'casualties'].includes(family)) {
      kind = 'casualties';
      outlook = null;
    } else if ((restates || continues) && prev) {
      kind = prev.kind;
      outlook = prev.outlook;
      cue = prev.cue;
      cueAfter = prev.cueAfter;
    } else kind = cues.kind;
    const hedgeBefore = firstMatch(HEDGE_CUES, windowBefore.slice(-60)) ?? firstMatch(HEDGE_CUES, folded.slice(start, end));
    const hedgeMatch = hedgeBefore ?? firstMatch(HEDGE_CUES, windowAfter.slice(0, 50));
    const hedged = kind === 'projection' || approxKind === 'upto' || hedgeMatch !== null || (restates && !!prev?.hedged);

    out.push({
      value: range.value,
      unit: unitName,
      approx,
      hedged,
      kind,
      outlook,
      family,
      min,
      max,
      span: [phraseStart, end],
      phrase: sentence.slice(phraseStart, end),
      bound,
      vagueWord: range.vague ? (g.vague ?? null) : null,
      boundWord: approxKind ? folded.slice(phraseStart, start).trim() || null : null,
      cue: cue ?? (hedged ? hedgeMatch : null),
      cueAfter: cue ? cueAfter : hedged && hedgeMatch !== null && hedgeBefore === null,
      partial: null,
    });
  }
  markPartial(folded, out);
  return out;
}

/** "a first group of", "the first wave", "the initial batch", "the first stage of a larger deployment". */
const FIRST_GROUP_CUES =
  /\b(?:first|initial|advance|vanguard|early)\s+(?:[\w-]+\s+)?(?:group|wave|batch|contingent|stage|tranche|echelon|party|rotation|phase|deployment)s?\b|\b(?:start|beginning) of (?:a|an|the) (?:larger|wider|bigger|broader)\b/;
/** "a unit of about 200 soldiers", "one company of 100 troops": a body of men inside the force. */
const ONE_UNIT_CUES = /\b(?:a|one|another|each) (?:unit|group|company|platoon|squad|detachment|column|team|battalion) of\s+(?:about |around |some |nearly |roughly |up to |at least )?$/;
/**
 * "another 1,000", "an additional 3,000", "a second round of …", "1,000 more troops", "newly
 * transported": a batch added to a force, not the force's size.
 */
const ADDITION_BEFORE = /\b(?:another|additional|extra|fresh|(?:second|third|fourth|new|fresh|latest) (?:round|wave|batch|group|contingent|rotation|tranche|deployment)s? of)\s+(?:about |around |some |nearly |roughly |up to |at least |an estimated |between )?$/;
const ADDITION_INSIDE = /\d\s+(?:more|additional|extra|fresh)\s/;
const ADDITION_AFTER = /^\s*(?:more|additional|extra|fresh)\b|^[^.;]{0,60}?\b(?:newly (?:sent|deployed|dispatched|transported|arrived|transferred)|(?:second|third|new|fresh|latest) (?:round|wave|batch|rotation|tranche) (?:of|in)\b|as reinforcements\b)/;
/** "including about 1,500 special forces", "among them 500 officers": a part of the count named before. */
const PART_OF_TOTAL_CUES = /\b(?:including|among them|among whom|of whom|of which|of them)\s+(?:about |around |some |nearly |roughly |up to |at least |an estimated )?$/;

/**
 * Marks counts that the sentence calls a first group or stage of something larger. Each
 * count reads its cue between the count before it and the count after it, so "10,000 …
 * after a first group of 1,500" marks only the 1,500.
 */
function markPartial(folded: string, quantities: ParsedQuantity[]): void {
  quantities.forEach((q, i) => {
    if (q.kind !== 'count') return;
    const from = i > 0 ? quantities[i - 1]!.span[1] : 0;
    const to = i + 1 < quantities.length ? quantities[i + 1]!.span[0] : folded.length;
    const before = folded.slice(from, q.span[0]);
    const after = folded.slice(q.span[1], to);
    const inside = folded.slice(q.span[0], q.span[1]);
    if (ADDITION_BEFORE.test(before) || ADDITION_INSIDE.test(inside) || ADDITION_AFTER.test(after)) q.partial = 'an addition';
    else if (ONE_UNIT_CUES.test(before)) q.partial = 'one unit';
    else if (i > 0 && PART_OF_TOTAL_CUES.test(before)) q.partial = 'part of a total';
    else if (FIRST_GROUP_CUES.test(folded.slice(from, to))) q.partial = 'first group';
  });
}

interface NumberRange {
  value: number;
  interval: [number, number | null];
  vague: boolean;
  isRange: boolean;
}

function numberRange(g: Record<string, string | undefined>): NumberRange | null {
  if (g.vague) {
    const [lo, hi] = VAGUE[g.vague.toLowerCase()]!;
    return { value: lo, interval: [lo, hi], vague: true, isRange: false };
  }
  if (g.digits) {
    const a = parseDigits(g.digits, g.dscale ?? (g.digits2 ? g.dscale2 : undefined));
    if (g.digits2) {
      const b = parseDigits(g.digits2, g.dscale2);
      if (!(b > a)) return null;
      return { value: a, interval: [a, b], vague: false, isRange: true };
    }
    return { value: a, interval: [a, a], vague: false, isRange: false };
  }
  if (g.words) {
    const w = g.words.toLowerCase();
    let v: number;
    if (w.includes('-')) {
      const [tens, unit] = w.split('-');
      v = (WORD_NUMBERS[tens!] ?? 0) + (WORD_NUMBERS[unit!] ?? 0);
    } else v = WORD_NUMBERS[w] ?? NaN;
    if (g.wscale) v *= SCALE[g.wscale.toLowerCase()]!;
    if (!Number.isFinite(v) || v <= 0) return null;
    return { value: v, interval: [v, v], vague: false, isRange: false };
  }
  return null;
}

function parseDigits(digits: string, scale: string | undefined): number {
  const v = Number(digits.replace(/,/g, ''));
  return scale ? Math.round(v * SCALE[scale.toLowerCase()]!) : v;
}

/** Years, dates, money, percentages and measures are not counts of anything we track. */
function isNotCount(digits: string, before: string, after: string): boolean {
  if (MONEY_BEFORE.test(before) || MONEY_AFTER.test(after) || NOT_COUNT_AFTER.test(after)) return true;
  if (MONTH.test(before) || MONTH_AFTER.test(after)) return true;
  if (/^\d{4}$/.test(digits)) {
    const year = Number(digits);
    // A bare year ("in 2022", "2024 saw"), unless a counted noun follows within two words
    // ("2000 troops", "2000 North Korean troops"); after "in", "since"… it is a year all the
    // same ("in 2024 North Korean troops …").
    const yearPreposition = /\b(?:in|since|by|from|until|till|during|before|after|of|early|mid|late)\s*$/.test(before);
    const countedNoun = /^\s+(?:[\p{L}'-]+\s+){0,2}(?:troops|soldiers)\b/u.test(after);
    if (year >= 1900 && year <= 2100 && (yearPreposition || !countedNoun)) return true;
  }
  if (/\b(?:no|number|nos|no\.|article|resolution|unit|brigade|division|corps|regiment|battalion|army|route|page|chapter|section)\s*$/.test(before)) return true;
  return false;
}

/** The counted noun after a number, skipping a few modifiers ("1,500 North Korean special forces"). */
function findUnit(folded: string, from: number, original: string): { def: UnitDef; end: number; adjective: string | null } | null {
  let pos = from;
  const adjective: string | null = null;
  for (let gap = 0; gap <= MAX_UNIT_GAP_WORDS; gap++) {
    const rest = folded.slice(pos).replace(/^[\s-]+/, '');
    const offset = folded.length - pos - rest.length;
    for (const [re, def] of UNIT_NOUNS) {
      const m = re.exec(rest);
      if (!m) continue;
      // "two wounded North Korean soldiers": the casualty word describes the soldiers that follow.
      if (CASUALTY_UNIT.test(def.family) && gap < MAX_UNIT_GAP_WORDS) {
        const further = findUnit(folded, pos + offset + m[0].length, original);
        if (further && !CASUALTY_UNIT.test(further.def.family)) return { ...further, adjective: def.family };
      }
      return { def, end: pos + offset + m[0].length, adjective };
    }
    const word = /^[\p{L}'.]+/u.exec(rest);
    if (!word) return null;
    // A modifier from the list, or a capitalised name ("DPRK troops", "Storm Corps soldiers").
    const capitalised = /^\p{Lu}/u.test(original.slice(pos + offset, pos + offset + 1)) && !STOP_AFTER_NUMBER.test(word[0]);
    if (!GAP_WORD.test(word[0]) && !capitalised) return null;
    pos += offset + word[0].length;
  }
  return null;
}

/** Where a plural demonym right after a number ends ("six North Koreans", "200 Haitians"), or null. */
function peopleNoun(original: string, from: number): number | null {
  const m = /^\s+(?:\p{Lu}[\p{L}.'-]*\s+){0,2}\p{Lu}\p{Ll}+(?:ans|ese|is)\b/u.exec(original.slice(from));
  return m ? from + m[0].length : null;
}

/**
 * A bare number continuing a count named earlier in the sentence ("… 1,500 troops,
 * with sources suggesting the number could rise to 12,000"), or named by a force noun
 * just before it ("a force of 12,000", "the deployment could reach 12,000").
 */
function inheritedUnit(folded: string, start: number, end: number, earlier: ParsedQuantity[]): UnitDef | null {
  const before = folded.slice(Math.max(0, start - 60), start);
  const prev = earlier[earlier.length - 1];
  // "1,500 special forces are now in Russia, with 10,000 more to follow": more of the same.
  if (prev && /^\s+(?:more|others|additional)\b/.test(folded.slice(end, end + 12))) return { unit: prev.unit, family: prev.family };
  if (prev && /\b(?:number|figure|total|count|tally|rise|reach|increase|grow|grew|up to|to as many as|as many as)\b[^.;]*$/.test(before)) {
    return { unit: prev.unit, family: prev.family };
  }
  // "10,000 troops … after a first group of 1,500 arrived": a part of the count named before.
  if (prev && PERSONNEL_FAMILIES.has(prev.family) && /\b(?:group|wave|batch|contingent|detachment|rotation)\s+of\s+(?:about |around |some |nearly |roughly |approximately )?$/.test(before)) {
    return { unit: prev.unit, family: prev.family };
  }
  if (/\b(?:force|forces|contingent|deployment|troops|soldiers|army|corps)\s+(?:of|could reach|could rise to|may reach|of up to|of about|of around|of some|numbering|totall?ing|reaching)\s+(?:about |around |some |up to |nearly |approximately )?$/.test(before)) {
    return { unit: 'troops', family: 'troops' };
  }
  return numberOfUnit(folded.slice(Math.max(0, start - NUMBER_OF_WINDOW_CHARS), start));
}

/** Characters before a bare number searched for "the number of <counted noun>". */
export const NUMBER_OF_WINDOW_CHARS = 120;
/** "the number of", "the total of": a count named before its figure. */
const NUMBER_OF = /\b(?:number|total|tally|count|figure|estimate)\s+of\s+/g;
/** What links "the number of X …" to its figure: "at", "to", "is now", "stood at", with an approximation. */
const NUMBER_OF_LINK = /\b(?:at|to|is|was|are|were|stands|stood|reached|now|of)\s+(?:about |around |some |nearly |roughly |approximately |more than |over |at least |an estimated )?$/;

/**
 * The counted noun of a bare number when the sentence named it as "the number of …"
 * before the number ("Earlier estimates put the total number of North Korean troops in
 * Russia at about 11,000").
 */
function numberOfUnit(before: string): UnitDef | null {
  let last: RegExpExecArray | null = null;
  NUMBER_OF.lastIndex = 0;
  for (let m = NUMBER_OF.exec(before); m; m = NUMBER_OF.exec(before)) last = m;
  if (!last) return null;
  const rest = before.slice(last.index + last[0].length);
  if (/[\d.;]/.test(rest) || !NUMBER_OF_LINK.test(rest)) return null;
  // The noun may follow a few modifiers ("the number of North Korean troops").
  let from = 0;
  for (let gap = 0; gap <= MAX_UNIT_GAP_WORDS; gap++) {
    const tail = rest.slice(from);
    for (const [re, def] of UNIT_NOUNS) if (re.test(tail)) return def;
    const word = /^[\p{L}'-]+\s*/u.exec(tail);
    if (!word) return null;
    from += word[0].length;
  }
  return null;
}

function casualtyAfter(folded: string, from: number): { family: string; label: string; end: number } | null {
  const words = folded.slice(from).match(/^(?:\s+[\p{L}'-]+){1,6}/u)?.[0] ?? '';
  // "six soldiers were (allegedly|reportedly) killed", "… who were killed", "have been killed".
  // "… were among those killed": the count is part of the dead.
  const m = /^\s+(?:(?:who|that)\s+)?(?:(?:were|was|have been|had been|are|being|been|got|have|had)\s+)?(?:(?:allegedly|reportedly|already|now|also|possibly|likely)\s+)?(?:among (?:those|the)\s+)?/.exec(words);
  const rest = words.slice(m ? m[0].length : 0);
  for (const [re, family, label] of CASUALTY_AFTER) {
    const c = re.exec(rest);
    if (c && (m?.[0].length ?? 0) <= 40) {
      const wordsUsed = (m?.[0] ?? '').trim().split(/\s+/).filter(Boolean).length;
      if (wordsUsed > CASUALTY_WINDOW_WORDS) return null;
      return { family, label, end: from + (m ? m[0].length : 0) + c[0].length };
    }
  }
  return null;
}

function casualtyBefore(before: string): { family: string; label?: string; end?: number } | null {
  const m = CASUALTY_BEFORE.exec(before);
  if (!m) return null;
  const w = m[1]!;
  if (/^(?:wounded|injured)$/.test(w)) return { family: 'wounded' };
  if (/^capture/.test(w)) return { family: 'captured' };
  return { family: 'killed' };
}

function approxStart(folded: string, start: number, kind: string | null): number {
  if (!kind) return start;
  const m = /(?:about|around|approximately|roughly|some|circa|an estimated|estimated|approx\.?|~|nearly|almost|close to|just under|just shy of|more than|over|at least|upwards of|upward of|in excess of|above|no fewer than|no less than|up to|as many as|no more than|fewer than|less than|under|at most)\s*$/.exec(folded.slice(0, start));
  return m ? m.index : start;
}

/** Up to CUE_WINDOW_WORDS words before the phrase, not reaching back past an earlier quantity or a semicolon. */
function clauseBefore(folded: string, start: number, earlier: ParsedQuantity[]): string {
  const floor = earlier.length ? earlier[earlier.length - 1]!.span[1] : 0;
  let text = folded.slice(floor, start);
  const semi = text.lastIndexOf(';');
  if (semi >= 0) text = text.slice(semi + 1);
  const words = text.split(/\s+/).filter(Boolean);
  return ' ' + words.slice(-CUE_WINDOW_WORDS).join(' ') + ' ';
}

/** Up to CUE_WINDOW_WORDS words after the phrase, stopping at the end of its clause. */
function clauseAfter(folded: string, end: number): string {
  const text = folded.slice(end);
  const stop = text.search(/[,;:.!?"(]|\s-\s|\b(?:and|but|while|with|after|before|although)\b/);
  const clause = stop >= 0 ? text.slice(0, stop) : text;
  return ' ' + clause.split(/\s+/).filter(Boolean).slice(0, CUE_WINDOW_WORDS).join(' ') + ' ';
}

/** What may stand between two figures of one phrase ("12,000 troops in four brigades"): a few words, no clause break. */
const SAME_PHRASE = /^\s+(?:in|of|across|into|as|with|forming|making up)(?:\s+[\p{L}-]+){0,2}\s+$/u;

interface KindCue {
  kind: 'count' | 'projection';
  outlook: Outlook | null;
  cue: string | null;
  /** The cue stands after the figure. */
  after: boolean;
}

/** The cue nearest the number decides: a plan ("decided to send") or possibility ("could rise to"), else a present count. */
function kindCue(before: string, after: string): KindCue {
  let best: (KindCue & { distance: number }) | null = null;
  const consider = (text: string, re: RegExp, outlook: Outlook | null, fromEnd: boolean) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const distance = fromEnd ? text.length - (m.index + m[0].length) : m.index;
      // Present cues win ties: "already … expected to be sent" describes who is there now.
      const d = distance + (outlook ? 0.5 : 0);
      if (!best || d < best.distance) {
        const cue = readableCue(text, m.index, m.index + m[0].length);
        best = { kind: outlook ? 'projection' : 'count', outlook, cue, after: !fromEnd, distance: d };
      }
    }
  };
  for (const [text, fromEnd] of [[before, true], [after, false]] as const) {
    consider(text, PLAN_CUES, 'planned', fromEnd);
    consider(text, POSSIBLE_CUES, 'possible', fromEnd);
    consider(text, PRESENT_CUES, null, fromEnd);
  }
  const found = best as (KindCue & { distance: number }) | null;
  return found ? { kind: found.kind, outlook: found.outlook, cue: found.cue, after: found.after } : { kind: 'count', outlook: null, cue: null, after: false };
}

/** A cue with the words that make it read ("could reach", "plans to deploy", "have been positioned"). */
function readableCue(text: string, start: number, end: number): string {
  const modal = /\b(?:could|may|might|would|will|is|are|was|were|have|has|had)\s+$/.exec(text.slice(0, start));
  if (modal) start = modal.index;
  // Carry on over auxiliaries and adverbs to the verb that says what happened ("were already
  // undergoing training", "could eventually send").
  for (
    let i = 0;
    i < 3 && /(?:\bto|\bbe|been|now|already|are|were|is|undergoing|could|may|might|would|will|eventually|potentially|possibly|likely|probably|soon|also|still)$/.test(text.slice(start, end));
    i++
  ) {
    const next = /^\s+[\p{L}-]+/u.exec(text.slice(end));
    if (!next) break;
    end += next[0].length;
  }
  return text.slice(start, end).trim();
}

function firstMatch(re: RegExp, text: string): string | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? m[0] : null;
}

let everyDigitFormat: Intl.NumberFormat | undefined;
/**
 * Every digit a value has (toLocaleString alone rounds to three decimals), so that a label
 * reads back as the same value. One formatter, made on first use: toLocaleString with options
 * builds a new one per call, which was a third of matching an article at 100,000 claims
 * (stance reasons label counts of every candidate judged).
 */
function everyDigit(): Intl.NumberFormat {
  return (everyDigitFormat ??= new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 }));
}

/** "12,000 troops", "about 3,000 soldiers", "11,000-12,000 troops", "more than 10,000 troops". */
export function formatQuantity(q: Quantity & Partial<Pick<ParsedQuantity, 'max' | 'bound' | 'vagueWord' | 'boundWord'>>): string {
  const n = (v: number) => everyDigit().format(v);
  switch (q.bound) {
    case 'range':
      return `${n(q.value)}-${n(q.max ?? q.value)} ${q.unit}`;
    case 'vague':
      // "thousands of troops", but "several hundred soldiers".
      return /^(?:several|a few) /.test(q.vagueWord ?? '') ? `${q.vagueWord} ${q.unit}` : `${q.vagueWord ?? 'some'} of ${q.unit}`;
    case 'above':
      return `${q.boundWord ?? 'more than'} ${n(q.value)} ${q.unit}`;
    case 'upto':
      return `${q.boundWord ?? 'up to'} ${n(q.value)} ${q.unit}`;
    case 'below':
      return `${q.boundWord ?? 'nearly'} ${n(q.value)} ${q.unit}`;
    default:
      return `${q.approx ? 'about ' : ''}${n(q.value)} ${q.unit}`;
  }
}

/** The public shape of a quantity (what crosses to the UI and the CLI's JSON). */
export function toPublicQuantity(q: ParsedQuantity): Quantity {
  return {
    value: q.value,
    unit: q.unit,
    approx: q.approx,
    hedged: q.hedged,
    kind: q.kind,
    ...(q.outlook === 'planned' ? { planned: true } : {}),
    label: formatQuantity(q),
  };
}

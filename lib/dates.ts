// When a sentence of a news report says its event happened, as an ISO date, read against
// the date of the report it stands in: "on Friday", "last week", "Oct. 8", "early October",
// "since November", "this week". General news English, not any one story's: every topic
// pack shares it. A sentence that names no time is dated by its report.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_WORD = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "Oct. 8", "October 8, 2024", "8 October". */
const DAY_OF_MONTH = new RegExp(String.raw`\b(?:${MONTH_WORD}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:19|20)\d\d))?|(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH_WORD}(?:,?\s+((?:19|20)\d\d))?)\b`, 'i');
/** "early October", "mid-November", "in late October", "since November", "in October 2024". */
const PART_OF_MONTH = new RegExp(String.raw`\b(?:(early|mid|late)[\s-]+|(?:in|since|by|during|from|until|through)\s+)${MONTH_WORD}(?:\s+((?:19|20)\d\d))?\b`, 'i');
const WEEKDAY = /\b(?:on\s+|last\s+|this\s+past\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;
const RELATIVE = /\b(yesterday|today|last week|this week|earlier this week|last month|this month|earlier this month)\b/i;

/** Day of a part of a month: its middle, so "early" and "late" of one month stay apart. */
const PART_DAY: Record<string, number> = { early: 5, mid: 15, late: 25, '': 15 };

function iso(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m, d));
  return t.toISOString().slice(0, 10);
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

/** The year of a month named without one: the report's, or the year before when that month is still to come. */
function yearFor(month: number, day: number, ref: Date): number {
  const y = ref.getUTCFullYear();
  return Date.UTC(y, month, day) > ref.getTime() + 7 * 86_400_000 ? y - 1 : y;
}

/**
 * The date a sentence gives its event, resolved against the report's date (`YYYY-MM-DD`),
 * or the report's date when the sentence names none; null when neither is known. A bare
 * weekday is the last such day on or before the report's date ("said Friday").
 */
export function eventDate(sentence: string, reportDate: string | null): string | null {
  const ref = reportDate && /^\d{4}-\d{2}-\d{2}/.test(reportDate) ? new Date(`${reportDate.slice(0, 10)}T00:00:00Z`) : null;
  const day = DAY_OF_MONTH.exec(sentence);
  if (day) {
    const month = monthIndex(day[1] ?? day[5]!);
    const d = Number(day[2] ?? day[4]);
    const year = day[3] ?? day[6];
    if (month >= 0 && d >= 1 && d <= 31 && (year || ref)) return iso(year ? Number(year) : yearFor(month, d, ref!), month, d);
  }
  const part = PART_OF_MONTH.exec(sentence);
  if (part) {
    const month = monthIndex(part[2]!);
    const d = PART_DAY[(part[1] ?? '').toLowerCase()] ?? 15;
    if (month >= 0 && (part[3] || ref)) return iso(part[3] ? Number(part[3]) : yearFor(month, d, ref!), month, d);
  }
  if (!ref) return null;
  const weekday = WEEKDAY.exec(sentence);
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[1]!.toLowerCase());
    const back = (ref.getUTCDay() - target + 7) % 7;
    return iso(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() - back);
  }
  const relative = RELATIVE.exec(sentence);
  if (relative) {
    const r = relative[1]!.toLowerCase();
    const back = r === 'yesterday' ? 1 : r === 'last week' ? 7 : r === 'last month' ? 30 : r.includes('this month') ? 7 : r.includes('week') ? 2 : 0;
    return iso(ref.getUTCFullYear(), ref.getUTCMonth(), ref.getUTCDate() - back);
  }
  return ref.toISOString().slice(0, 10);
}

/** Whether a sentence names a day or a part of a month ("on 8 October", "in early October"), not only a weekday or "last week". */
export function namesCalendarDate(sentence: string): boolean {
  return DAY_OF_MONTH.test(sentence) || PART_OF_MONTH.test(sentence);
}

/** Whole days from `a` to `b` (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * `[earlier, later]` when both dates are known and `later` comes `days` or more days after
 * `earlier`; else null. What each rule of time asks before it reads two statements as an
 * update rather than one moment of the story.
 */
export function datedAtLeastAfter(earlier: string | null, later: string | null, days: number): [string, string] | null {
  return earlier && later && daysBetween(earlier, later) >= days ? [earlier, later] : null;
}

/** `[a, b]` when both dates are known and `days` or more days apart, either way round; else null. */
export function datedApart(a: string | null, b: string | null, days: number): [string, string] | null {
  return a && b && Math.abs(daysBetween(a, b)) >= days ? [a, b] : null;
}

/** "18 Oct" (and the year when the two dates compared differ in it). */
export function shortDate(isoDate: string, withYear = false): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const month = MONTHS[m! - 1]!.slice(0, 3);
  return `${d} ${month[0]!.toUpperCase()}${month.slice(1)}${withYear ? ` ${y}` : ''}`;
}

/** Two dates to be read side by side: "18 Oct" and "23 Oct", each with its year when the years differ. */
export function shortDates(a: string, b: string): [string, string] {
  const years = a.slice(0, 4) !== b.slice(0, 4);
  return [shortDate(a, years), shortDate(b, years)];
}

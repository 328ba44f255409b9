// Turns the raw text of a captured news report into a Report: what is known of it
// (title, outlet, date, author) and its body without the site's furniture.
//
// Captured text comes in two shapes: one paragraph per line (no blank lines), or
// paragraphs separated by blank lines and sometimes hard-wrapped inside. Metadata is
// read only from where a page states it (a header above the headline, a "By …"
// line); nothing is inferred from the body, so an unknown field stays null.

import type { Report } from './types';

/** A headline is a single line of at most this many words. */
const MAX_TITLE_WORDS = 30;
/** Fewer words than this is a name or a section, not a headline. */
const MIN_TITLE_WORDS = 4;
/** Lines above the headline this short (in words) are masthead: outlet, tagline, section. */
const MAX_MASTHEAD_WORDS = 6;
/** A tail marker only cuts when this much of the body (0..1) stands before it. */
const MIN_BODY_BEFORE_TAIL = 0.5;

/** Whole lines that are site furniture wherever they stand. */
const BOILERPLATE_LINE: RegExp[] = [
  /^share (this )?(post|article|story)?:?$/i,
  /^subscribe( now| to our newsletter)?!?$/i,
  /^(spot_img)+$/i,
  /^exit mobile version$/i,
  /^source link$/i,
  /^verified by monsterinsights$/i,
  /^(popular|trending|related|latest)( posts| stories| news| articles)?:?$/i,
  /^related (article|story|post|reading|coverage):.*$/i,
  /^(read more|see also|also read):.*$/i,
  /^date:?$/i,
  /^advertisement$/i,
  /^(please )?enter your (comment|name|email)( here)?!?$/i,
  /^(leave a (reply|comment)|post a comment|add a comment)$/i,
  /^(share on |follow us on )?(facebook|twitter|x|telegram|whatsapp|linkedin|email|print)$/i,
];

/** Lines after which nothing belongs to the report: comment forms and teaser lists. */
const TAIL_MARKER: RegExp[] = [
  /^(leave a (reply|comment)|post a comment|add a comment|comments?)$/i,
  /^(more like this|you may also like|recommended( for you)?|related (posts|stories|articles))$/i,
];

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_MDY = new RegExp(`^(?:date:\\s*)?(?:[a-z]+day,?\\s+)?${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i');
const DATE_DMY = new RegExp(`^(?:date:\\s*)?(?:[a-z]+day,?\\s+)?(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})$`, 'i');
const DATE_ISO = /^(?:date:\s*)?(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+Z-]*)?$/i;
const BYLINE = /^[Bb]y\s+(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})$/u;

export interface ParseReportOptions {
  origin?: Report['origin'];
  url?: string | null;
  addedAt?: number;
}

export function parseReportText(id: string, raw: string, opts: ParseReportOptions = {}): Report {
  const paragraphs = splitParagraphs(raw);
  const titleIndex = findTitleIndex(paragraphs);
  const title = titleIndex >= 0 ? paragraphs[titleIndex]! : null;

  // Everything above the headline is masthead: read a date and an outlet from it, drop the rest.
  let date: string | null = null;
  let outlet: string | null = null;
  const headerEnd = titleIndex >= 0 ? titleIndex : countLeadingMasthead(paragraphs);
  for (const line of paragraphs.slice(0, headerEnd)) {
    const asDate = parseDateLine(line);
    if (asDate) date ??= asDate;
    else if (!outlet && isOutletLine(line)) outlet = line;
  }

  let author: string | null = null;
  let body = paragraphs.slice(titleIndex >= 0 ? titleIndex + 1 : headerEnd);
  body = body.filter((line) => {
    const byline = BYLINE.exec(line);
    if (byline) {
      author ??= byline[1]!;
      return false;
    }
    if (!date) {
      const asDate = parseDateLine(line);
      if (asDate && /^date:/i.test(line)) {
        date = asDate;
        return false;
      }
    }
    return true;
  });
  body = cutTail(body);
  body = body.filter((line, i) => !isBoilerplate(line) && !(title && i < 3 && line === title));

  return {
    id,
    title,
    outlet,
    date,
    author,
    url: opts.url ?? null,
    text: body.join('\n\n'),
    origin: opts.origin ?? 'seed',
    addedAt: opts.addedAt ?? 0,
  };
}

/**
 * Paragraphs as single lines. With blank lines present they separate paragraphs and
 * the lines inside one are a hard wrap to undo; without any, every line is a paragraph.
 */
export function splitParagraphs(raw: string): string[] {
  const text = raw.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const hasBlankLines = /\n[ \t]*\n/.test(text.trim());
  const blocks = hasBlankLines ? text.split(/\n[ \t]*\n/) : text.split('\n');
  return blocks.flatMap(unwrap).filter((p) => p.length > 0);
}

/** Joins a hard-wrapped block back into one line; a date, byline or furniture line stays apart. */
function unwrap(block: string): string[] {
  const lines = block.split('\n').map((l) => l.trim()).filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (parseDateLine(line) || BYLINE.test(line) || isBoilerplate(line)) {
      if (current) out.push(current);
      out.push(line);
      current = '';
    } else if (!current) current = line;
    // "Russian-" at a line's end is a compound split by the wrap, not a dash.
    else if (/\p{L}-$/u.test(current)) current += line;
    else current += ' ' + line;
  }
  if (current) out.push(current);
  return out.map((p) => p.replace(/[ \t]+/g, ' '));
}

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/**
 * The headline. Captures open with a run of short unpunctuated lines (date, outlet,
 * tagline, headline, sometimes the headline again) before the first sentence of the
 * body; the headline is the longest of them. When the capture opens with body text
 * there is no headline to report.
 */
function findTitleIndex(paragraphs: string[]): number {
  let best = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const line = paragraphs[i]!;
    if (parseDateLine(line) || isBoilerplate(line)) continue;
    if (!looksLikeHeadline(line) || wordCount(line) > MAX_TITLE_WORDS) break;
    if (wordCount(line) >= MIN_TITLE_WORDS && (best < 0 || line.length > paragraphs[best]!.length)) best = i;
  }
  return best;
}

/** A line that does not end as a sentence does (a headline, a subhead), and is no byline. */
export function looksLikeHeadline(line: string): boolean {
  // Headlines do not end like sentences do.
  return !/[.!?…"”’,;]$/.test(line) && !BYLINE.test(line);
}

function countLeadingMasthead(paragraphs: string[]): number {
  let i = 0;
  while (i < paragraphs.length && (parseDateLine(paragraphs[i]!) || (wordCount(paragraphs[i]!) <= MAX_MASTHEAD_WORDS && looksLikeHeadline(paragraphs[i]!)))) i++;
  return i === paragraphs.length ? 0 : i;
}

/** An outlet's name: a short line in title case, not a tagline such as "News in English from Greece". */
function isOutletLine(line: string): boolean {
  const words = line.split(/\s+/);
  if (words.length > 4 || /[.!?:]$/.test(line)) return false;
  return words.every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(of|the|and|for|in|on|de|la|le)$/i.test(w));
}

export function parseDateLine(line: string): string | null {
  const s = line.trim();
  let y: number, m: number, d: number;
  let match = DATE_ISO.exec(s);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else if ((match = DATE_MDY.exec(s))) {
    [m, d, y] = [monthNumber(match[1]!), Number(match[2]), Number(match[3])];
  } else if ((match = DATE_DMY.exec(s))) {
    [d, m, y] = [Number(match[1]), monthNumber(match[2]!), Number(match[3])];
  } else {
    return null;
  }
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2200)) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace('.', '').slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key)) + 1;
}

function isBoilerplate(line: string): boolean {
  return BOILERPLATE_LINE.some((re) => re.test(line.trim()));
}

/** Drops a comment form or teaser list at the end, never when it would take most of the report. */
function cutTail(body: string[]): string[] {
  const total = body.reduce((n, p) => n + p.length, 0);
  let before = 0;
  for (let i = 0; i < body.length; i++) {
    const line = body[i]!;
    if (TAIL_MARKER.some((re) => re.test(line)) && before >= total * MIN_BODY_BEFORE_TAIL) {
      return body.slice(0, i);
    }
    before += line.length;
  }
  return body;
}

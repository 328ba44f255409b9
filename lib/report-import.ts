// Reports the reader brings in: pasted text, the current article, or imported files
// (Crosscheck's JSON export, or .txt captures). Untrusted input: every field is checked
// and copied by name, so keys such as `__proto__` or `constructor` are never assigned.

import { parseReportText } from './report-text';
import type { ImportFile, ImportSummary, NewReport } from './protocol';
import type { Report } from './types';

/** A report's text beyond this many characters is refused, not cut: a cut report would misquote it. */
export const MAX_REPORT_CHARS = 500_000;
/** An import file beyond this size is refused before it is parsed. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Files taken in one import; more are refused by name, unread. */
export const MAX_IMPORT_FILES = 100;
/** All the files of one import together (bytes): files past it are refused, unread. */
export const MAX_IMPORT_TOTAL_BYTES = 50 * 1024 * 1024;
/** Reports taken from one import (entries of every file together); the rest are skipped and counted. */
export const MAX_IMPORT_REPORTS = 2_000;
export const EXPORT_FORMAT = 'crosscheck-reports';
export const EXPORT_VERSION = 1;

/** Characters looked at to tell a binary file (a PDF, an image renamed .txt) from text. */
const BINARY_SNIFF_CHARS = 65_536;
/** Share of U+FFFD (bytes that were not UTF-8) above which a file is binary, not text. */
const MAX_REPLACEMENT_SHARE = 0.01;

export class ReportInputError extends Error {}

/** Why a file of this many bytes is refused before it is read, or null when it may be read. */
export function importSizeRefusal(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return `too large (${(bytes / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB)`;
}

/**
 * Which of the chosen files may be read, by their sizes alone (bytes, or characters once
 * read): each within MAX_IMPORT_BYTES, at most MAX_IMPORT_FILES, and MAX_IMPORT_TOTAL_BYTES
 * together. The options page asks before it reads anything; the background asks again.
 */
export function planImport<F extends { name: string; size: number }>(files: readonly F[]): { read: F[]; refused: ImportSummary['skipped'] } {
  const read: F[] = [];
  const refused: ImportSummary['skipped'] = [];
  let total = 0;
  for (const file of files) {
    const tooLarge = importSizeRefusal(file.size);
    if (tooLarge) refused.push({ name: file.name, reason: tooLarge });
    else if (read.length >= MAX_IMPORT_FILES) refused.push({ name: file.name, reason: `not read: one import takes at most ${MAX_IMPORT_FILES} files` });
    else if (total + file.size > MAX_IMPORT_TOTAL_BYTES) {
      refused.push({ name: file.name, reason: `not read: the files of one import may hold ${MAX_IMPORT_TOTAL_BYTES / 1048576} MB together` });
    } else {
      total += file.size;
      read.push(file);
    }
  }
  return { read, refused };
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, BINARY_SNIFF_CHARS);
  if (head.includes('\u0000')) return true;
  let replaced = 0;
  for (let i = head.indexOf('\ufffd'); i >= 0; i = head.indexOf('\ufffd', i + 1)) replaced++;
  return head.length > 0 && replaced / head.length > MAX_REPLACEMENT_SHARE;
}

/** A stable id for a report the reader adds: the same article added twice is one report. */
export function userReportId(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `user_${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

function optionalString(value: unknown, field: string, max = 2_000): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw new ReportInputError(`"${field}" must be text`);
  return value.trim().slice(0, max) || null;
}

/** Validates a report the reader adds and gives it its id. */
export function makeUserReport(input: NewReport, now: number): Report {
  if (typeof input !== 'object' || input === null) throw new ReportInputError('A report needs a title and a text');
  const text = typeof input.text === 'string' ? input.text.replace(/\r\n?/g, '\n').trim() : '';
  // Only invisible characters (zero-width spaces, joiners, marks) is no text either.
  if (!/[\p{L}\p{N}]/u.test(text)) throw new ReportInputError('The report has no text');
  if (text.length > MAX_REPORT_CHARS) {
    throw new ReportInputError(`The report is too long (${text.length.toLocaleString('en')} characters; the limit is ${MAX_REPORT_CHARS.toLocaleString('en')})`);
  }
  const title = optionalString(input.title, 'title', 500);
  const url = optionalString(input.url, 'url');
  const date = optionalString(input.date, 'date', 40);
  return {
    id: userReportId(url ?? `${title ?? ''}\n${text}`),
    title,
    outlet: optionalString(input.outlet, 'outlet', 200),
    date: date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null,
    author: optionalString(input.author, 'author', 300),
    url,
    text,
    origin: 'user',
    addedAt: now,
  };
}

/** Parses imported files into reports; a bad file or entry is skipped with its reason, never half-imported. */
export function parseImportFiles(files: ImportFile[], now: number): { reports: Report[]; summary: ImportSummary } {
  const reports: Report[] = [];
  const skipped: ImportSummary['skipped'] = [];
  const named = (Array.isArray(files) ? files : []).map((file) => ({
    file,
    name: typeof file?.name === 'string' ? file.name.slice(0, 300) : 'file',
    size: typeof file?.text === 'string' ? file.text.length : 0,
  }));
  // Refused by their sizes before anything else looks at them (the options page refuses them before reading, too).
  const { read, refused } = planImport(named);
  skipped.push(...refused);
  let overLimit = 0;
  const take = (report: Report) => {
    if (reports.length < MAX_IMPORT_REPORTS) reports.push(report);
    else overLimit++;
  };
  for (const { file, name } of read) {
    try {
      if (typeof file?.text !== 'string') throw new ReportInputError('not a text file');
      if (looksBinary(file.text)) throw new ReportInputError('not a text file (it holds binary data)');
      // A byte-order mark (files saved by some Windows editors) is not part of the text.
      const text = file.text.replace(/^\ufeff/, '');
      if (/\.json$/i.test(name) || /^\s*[[{]/.test(text)) {
        const entries = parseExportJson(text);
        entries.forEach((entry, i) => {
          try {
            if (entry.origin === 'seed') throw new ReportInputError('a seed report, already shipped with Crosscheck');
            take(makeUserReport(entry, now));
          } catch (error) {
            if (skipped.length < MAX_IMPORT_REPORTS) skipped.push({ name: `${name} #${i + 1}`, reason: (error as Error).message });
          }
        });
      } else {
        const parsed = parseReportText('import', text, { origin: 'user' });
        take(makeUserReport(parsed, now));
      }
    } catch (error) {
      skipped.push({ name, reason: error instanceof ReportInputError ? error.message : `unreadable: ${(error as Error).message}` });
    }
  }
  if (overLimit > 0) {
    skipped.push({ name: `${overLimit.toLocaleString('en')} more report${overLimit === 1 ? '' : 's'}`, reason: `not imported: one import takes at most ${MAX_IMPORT_REPORTS.toLocaleString('en')} reports` });
  }
  return { reports, summary: { added: reports.length, skipped } };
}

function parseExportJson(text: string): (NewReport & { origin?: unknown })[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ReportInputError(`not valid JSON (${(error as Error).message})`);
  }
  const list = Array.isArray(data) ? data : (data as { reports?: unknown } | null)?.reports;
  if (!Array.isArray(list)) throw new ReportInputError('expected a list of reports or { "reports": [...] }');
  return list.map((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { title: null, text: '', origin: null };
    const e = entry as Record<string, unknown>;
    // Copied field by field: nothing from the file reaches an object's prototype.
    return {
      title: e.title as string | null, text: e.text as string, outlet: e.outlet as string | null,
      date: e.date as string | null, author: e.author as string | null, url: e.url as string | null,
      origin: e.origin,
    };
  });
}

export function exportReportsJson(reports: Report[], now: number): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), reports }, null, 2);
}

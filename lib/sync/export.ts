// Export of saved claims (JSON to re-import, Markdown to read or share) and the
// strict parsing of an export file on import. Import never trusts the file: bad
// JSON, the wrong shape or keys like "__proto__" refuse the whole file with a
// clear message; a single unusable entry is skipped with its reason.

import { isPlainObject, MAX_STANCE_COUNT, type SavedClaim, type ShortenedField, type StanceSnapshot } from './format';

export const EXPORT_FORMAT = 'crosscheck-saved-claims';
export const EXPORT_VERSION = 1;
/** An export of 10,000 claims is about 10 MB; anything larger is not ours. */
export const MAX_IMPORT_CHARS = 20_000_000;
export const MAX_IMPORT_CLAIMS = 10_000;
/** A claims file larger than this (bytes) is refused by its size before it is read: it could not hold a valid export. */
export const MAX_IMPORT_FILE_BYTES = MAX_IMPORT_CHARS;

/** Why a claims file of this many bytes is refused unread, or null when it may be read. */
export function claimsImportSizeRefusal(bytes: number): string | null {
  if (bytes <= MAX_IMPORT_FILE_BYTES) return null;
  return `it is too large to be a Crosscheck export (${(bytes / 1_000_000).toFixed(1)} MB; the limit is ${MAX_IMPORT_FILE_BYTES / 1_000_000} MB), so it was not read.`;
}
/** Per text field; the local copy takes long notes, not megabytes. */
export const MAX_FIELD_CHARS = 200_000;
/** savedAt may be this far in the future (clock skew between machines), no more. */
const MAX_FUTURE_SAVED_AT_MS = 86_400_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface ExportedClaim {
  id: string;
  url: string;
  title: string;
  text: string;
  stance: StanceSnapshot;
  /** ISO 8601 */
  savedAt: string;
  note: string;
  /** Fields this device only holds shortened (sync carried them cut). */
  shortened?: ShortenedField[];
}

export interface ClaimsExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  claims: ExportedClaim[];
}

export function exportClaimsJson(claims: readonly SavedClaim[], nowMs: number): string {
  const document: ClaimsExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(nowMs).toISOString(),
    claims: claims.map((claim) => ({
      id: claim.id,
      url: claim.url,
      title: claim.title,
      text: claim.text,
      stance: { corroborates: claim.stance.corroborates, conflicts: claim.stance.conflicts, summary: claim.stance.summary },
      savedAt: new Date(claim.savedAt).toISOString(),
      note: claim.note,
      ...(claim.shortened && claim.shortened.length > 0 ? { shortened: [...claim.shortened] } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function exportClaimsMarkdown(claims: readonly SavedClaim[], nowMs: number): string {
  const lines: string[] = [
    '# Saved claims (Crosscheck)',
    '',
    `Exported ${new Date(nowMs).toISOString().slice(0, 16).replace('T', ' ')} UTC. ${claims.length} claim${claims.length === 1 ? '' : 's'}.`,
  ];
  claims.forEach((claim, index) => {
    lines.push('', `## ${index + 1}. ${inline(claim.title.trim() || claim.url)}`, '');
    for (const line of claim.text.split(/\r?\n/)) lines.push(`> ${inline(line)}`);
    lines.push('');
    // Only a web address becomes a link: an imported or synced claim may carry javascript:, data: or file: addresses.
    lines.push(isWebAddress(claim.url) ? `- Article: <${safeUrl(claim.url)}>` : `- Article (not a web address, not linked): ${inline(claim.url)}`);
    lines.push(`- Saved: ${new Date(claim.savedAt).toISOString().slice(0, 10)}`);
    const { corroborates, conflicts, summary } = claim.stance;
    const counts = `${corroborates} corroborating, ${conflicts} conflicting`;
    lines.push(`- Reports: ${counts}${summary.trim() ? `; ${inline(summary)}` : ''}`);
    if (claim.note.trim()) lines.push(`- Note: ${inline(claim.note)}`);
    if (claim.shortened && claim.shortened.length > 0) {
      lines.push(`- Shortened by sync on this device: ${claim.shortened.join(', ')} (the full text is on the device that saved it)`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** One line of text that Markdown shows as written (no headings, links, emphasis or HTML). */
function inline(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<>#|~!]/g, (ch) => `\\${ch}`)
    .trim();
}

/** http: and https: addresses only. */
export function isWebAddress(url: string): boolean {
  return /^https?:\/\/[^\s/]/i.test(url.trim());
}

/** Autolinks end at spaces and angle brackets; encode those. */
function safeUrl(url: string): string {
  return url.trim().replace(/[\s<>]/g, (ch) => encodeURIComponent(ch));
}

export interface ImportableClaim {
  url: string;
  title: string;
  text: string;
  stance: StanceSnapshot;
  savedAt: number;
  note: string;
}

export type ParsedImport =
  | { ok: true; claims: ImportableClaim[]; skipped: Array<{ index: number; reason: string }> }
  | { ok: false; error: string };

export function parseClaimsExport(text: string, nowMs: number): ParsedImport {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'The file is empty.' };
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, error: `The file is too large to be a Crosscheck export (over ${MAX_IMPORT_CHARS / 1_000_000} MB).` };
  let document: unknown;
  try {
    document = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKeyError) {
      return { ok: false, error: `The file contains the key "${error.key}", which a Crosscheck export never has; nothing was imported.` };
    }
    return { ok: false, error: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}); nothing was imported.` };
  }
  if (!isPlainObject(document) || document.format !== EXPORT_FORMAT) {
    return { ok: false, error: `The file is not a Crosscheck saved-claims export (expected "format": "${EXPORT_FORMAT}"); nothing was imported.` };
  }
  if (document.version !== EXPORT_VERSION) {
    return {
      ok: false,
      error: `The export has version ${JSON.stringify(document.version)}; this Crosscheck reads version ${EXPORT_VERSION}. Nothing was imported.`,
    };
  }
  if (!Array.isArray(document.claims)) return { ok: false, error: 'The export has no "claims" list; nothing was imported.' };
  if (document.claims.length > MAX_IMPORT_CLAIMS) {
    return { ok: false, error: `The export lists ${document.claims.length} claims; at most ${MAX_IMPORT_CLAIMS} can be imported at once.` };
  }
  const claims: ImportableClaim[] = [];
  const skipped: Array<{ index: number; reason: string }> = [];
  (document.claims as unknown[]).forEach((entry, index) => {
    const result = parseEntry(entry, nowMs);
    if (typeof result === 'string') skipped.push({ index, reason: result });
    else claims.push(result);
  });
  return { ok: true, claims, skipped };
}

class ForbiddenKeyError extends Error {
  constructor(readonly key: string) {
    super(`forbidden key ${key}`);
  }
}

function parseEntry(entry: unknown, nowMs: number): ImportableClaim | string {
  if (!isPlainObject(entry)) return 'not an object';
  const url = textField(entry.url, 'url', true);
  if (typeof url !== 'string') return url.error;
  const text = textField(entry.text, 'text', true);
  if (typeof text !== 'string') return text.error;
  const title = entry.title === undefined ? '' : textField(entry.title, 'title', false);
  if (typeof title !== 'string') return title.error;
  const note = entry.note === undefined ? '' : textField(entry.note, 'note', false);
  if (typeof note !== 'string') return note.error;
  const stance = entry.stance;
  if (!isPlainObject(stance)) return '"stance" must be an object';
  if (!isCount(stance.corroborates) || !isCount(stance.conflicts)) return '"stance" counts must be whole numbers from 0';
  const summary = stance.summary === undefined ? '' : textField(stance.summary, 'stance.summary', false);
  if (typeof summary !== 'string') return summary.error;
  const savedAt = typeof entry.savedAt === 'string' ? Date.parse(entry.savedAt) : typeof entry.savedAt === 'number' ? entry.savedAt : NaN;
  if (!Number.isFinite(savedAt) || savedAt < 0) return '"savedAt" is not a date';
  if (savedAt > nowMs + MAX_FUTURE_SAVED_AT_MS) return '"savedAt" is in the future';
  return {
    url: url.trim(),
    title: title.trim(),
    text: text.trim(),
    note: note.trim(),
    stance: { corroborates: stance.corroborates, conflicts: stance.conflicts, summary: summary.trim() },
    savedAt: Math.floor(savedAt),
  };
}

function textField(value: unknown, name: string, required: boolean): string | { error: string } {
  if (typeof value !== 'string') return { error: `"${name}" must be text` };
  if (required && value.trim() === '') return { error: `"${name}" is empty` };
  if (value.length > MAX_FIELD_CHARS) return { error: `"${name}" is longer than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters` };
  return value;
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STANCE_COUNT;
}

// The sync format, version 1: what a saved claim looks like in storage.sync, and
// the strict decoding of whatever another device (or another version of
// Crosscheck, or a bug) left there. docs/sync-format.md describes it for people.
//
// One item per claim, under `c:<claimId>`, so two devices editing different claims
// never touch the same item; `meta` holds the layout version; `g:<n>` hold the
// graveyard (see graveyard.ts). Field names are one letter and large numbers are
// base-36 strings: Chrome counts a timestamp number as 15 bytes ("…000.0"), its
// base-36 string as 10.

import { formatHlc, parseHlc, type Hlc } from './clock';
import { chromeItemBytes } from './item-bytes';
import { CHROME_SYNC_LIMITS } from './limits';

export const SYNC_FORMAT_VERSION = 1;
export const META_KEY = 'meta';
export const CLAIM_KEY_PREFIX = 'c:';
export const CLAIM_ID_PATTERN = /^[0-9a-z]{1,16}$/;
/** Appended to a field shortened to fit the per-item limit. */
export const SHORTENED_MARK = '…';
/** Above this a stance count is garbage, not a number of reports. */
export const MAX_STANCE_COUNT = 1_000_000;

/** How the claim stood against the reader's reports when it was saved. */
export interface StanceSnapshot {
  corroborates: number;
  conflicts: number;
  /** One line for the reader, e.g. "1 conflicting: 1,500 vs 12,000 troops". */
  summary: string;
}

/** A field of a claim that the sync copy may carry shortened. */
export type ShortenedField = 'note' | 'text' | 'title' | 'summary';
/** Shortened first to last when a claim does not fit in one sync item. */
export const SHORTEN_ORDER: readonly ShortenedField[] = ['note', 'text', 'title', 'summary'];
const FIELD_LETTER: Record<ShortenedField, string> = { note: 'n', text: 'x', title: 't', summary: 's' };

export interface SavedClaim {
  id: string;
  /** The article the claim was read in. */
  url: string;
  /** That article's title. */
  title: string;
  /** The claim's sentence. */
  text: string;
  stance: StanceSnapshot;
  /** Epoch ms when the reader saved it. */
  savedAt: number;
  /** The reader's annotation; '' when none. */
  note: string;
  /** Clock of the latest change (save or note edit). */
  updatedAt: Hlc;
  deleted?: false;
  /**
   * Fields this copy holds shortened because it came through sync, where one claim
   * may take 8 KB; the device that saved (or annotated) it keeps the full text.
   */
  shortened?: readonly ShortenedField[];
}

/** What remains of a removed claim: enough to out-rank older versions of it. */
export interface ClaimTombstone {
  id: string;
  updatedAt: Hlc;
  deleted: true;
}

export type ClaimVersion = SavedClaim | ClaimTombstone;

/** The JSON stored in a claim item. Short names: every byte counts against 100 KB. */
export interface WireClaim {
  /** Format version of this item. */
  v: number;
  /** HLC of the change, `formatHlc`. */
  u: string;
  /** 1: removed (a tombstone; no other fields). */
  z?: 1;
  /** url */
  l?: string;
  /** title */
  t?: string;
  /** claim text */
  x?: string;
  /** stance: [corroborates, conflicts, summary] */
  s?: [number, number, string];
  /** savedAt, epoch ms in base 36 */
  a?: string;
  /** note, omitted when empty */
  n?: string;
  /** letters of the fields shortened to fit (n note, x text, t title, s summary), omitted when none */
  k?: string;
}

export interface WireMeta {
  v: number;
}

export type DecodeProblemCode = 'malformed' | 'unsupported-version' | 'unknown-key';

export interface DecodeProblem {
  code: DecodeProblemCode;
  /** Why, in words fit for a log line. */
  reason: string;
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: DecodeProblem };

export function claimKey(id: string): string {
  return CLAIM_KEY_PREFIX + id;
}

/** The claim id in a `c:<id>` key, or null for any other key. */
export function claimIdFromKey(key: string): string | null {
  if (!key.startsWith(CLAIM_KEY_PREFIX)) return null;
  const id = key.slice(CLAIM_KEY_PREFIX.length);
  return CLAIM_ID_PATTERN.test(id) ? id : null;
}

/**
 * The id of a claim: a hash of its article URL (without #fragment) and its sentence
 * (whitespace collapsed). Saving the same sentence from the same article on two
 * devices gives one claim, not two.
 */
export function claimIdFor(url: string, text: string): string {
  const normalisedUrl = url.trim().replace(/#.*$/s, '');
  const normalisedText = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return cyrb53(`${normalisedUrl}\n${normalisedText}`).toString(36);
}

/** 53-bit string hash (cyrb53, public domain): enough that 512 claims never collide in practice. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// ---------------------------------------------------------------------------
// Encoding

export interface EncodedClaim {
  key: string;
  value: WireClaim;
  /** Bytes as Chrome counts them (key + JSON). */
  bytes: number;
  /** Fields the sync copy carries shortened (beyond those already shortened in `version`). */
  shortened: ShortenedField[];
}

export type EncodeResult =
  | { ok: true; item: EncodedClaim }
  | { ok: false; reason: 'too-large'; bytes: number; message: string };

/**
 * The sync item for a claim version. A claim that does not fit in one item
 * (`maxItemBytes`) is shortened — note first, then text, title and stance summary,
 * each cut to the longest prefix that still fits and marked with "…"; the URL,
 * counts and dates are never cut. If even that does not fit (a URL of several KB),
 * the result is 'too-large' and the claim stays on this device only.
 */
export function encodeClaim(version: ClaimVersion, maxItemBytes: number = CHROME_SYNC_LIMITS.quotaBytesPerItem): EncodeResult {
  const key = claimKey(version.id);
  if (version.deleted) {
    const value: WireClaim = { v: SYNC_FORMAT_VERSION, u: formatHlc(version.updatedAt), z: 1 };
    return { ok: true, item: { key, value, bytes: chromeItemBytes(key, value), shortened: [] } };
  }
  const fields: Record<ShortenedField, string> = {
    note: version.note,
    text: version.text,
    title: version.title,
    summary: version.stance.summary,
  };
  const alreadyShortened = new Set<ShortenedField>(version.shortened ?? []);
  const build = (): WireClaim => toWire(version, fields, alreadyShortened);
  const fits = (): boolean => chromeItemBytes(key, build()) <= maxItemBytes;

  const shortened: ShortenedField[] = [];
  for (const field of SHORTEN_ORDER) {
    if (fits()) break;
    const original = fields[field];
    if (original.length === 0) continue;
    // Mark first: the marker itself ("k") takes bytes that the search must count.
    alreadyShortened.add(field);
    shortened.push(field);
    fields[field] = longestFittingPrefix(original, (candidate) => {
      fields[field] = candidate;
      return fits();
    });
  }
  const value = build();
  const bytes = chromeItemBytes(key, value);
  if (bytes > maxItemBytes) {
    return {
      ok: false,
      reason: 'too-large',
      bytes,
      message: `This claim needs ${bytes.toLocaleString('en-US')} bytes in sync storage even shortened; one item may take ${maxItemBytes.toLocaleString('en-US')}.`,
    };
  }
  return { ok: true, item: { key, value, bytes, shortened } };
}

/** Binary search for the longest prefix + "…" accepted by `fits` (which also installs the candidate). */
function longestFittingPrefix(original: string, fits: (candidate: string) => boolean): string {
  let low = 0;
  let high = original.length - 1;
  let best = SHORTENED_MARK;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const candidate = cutAt(original, middle) + SHORTENED_MARK;
    if (fits(candidate)) {
      best = candidate;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  fits(best);
  return best;
}

/** The first `length` UTF-16 units, never splitting a surrogate pair. */
function cutAt(text: string, length: number): string {
  let end = length;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

function toWire(claim: SavedClaim, fields: Record<ShortenedField, string>, shortened: ReadonlySet<ShortenedField>): WireClaim {
  const value: WireClaim = {
    v: SYNC_FORMAT_VERSION,
    u: formatHlc(claim.updatedAt),
    l: claim.url,
    t: fields.title,
    x: fields.text,
    s: [claim.stance.corroborates, claim.stance.conflicts, fields.summary],
    a: claim.savedAt.toString(36),
  };
  if (fields.note !== '') value.n = fields.note;
  const letters = SHORTEN_ORDER.filter((field) => shortened.has(field)).map((field) => FIELD_LETTER[field]).join('');
  if (letters !== '') value.k = letters;
  return value;
}

// ---------------------------------------------------------------------------
// Decoding: never throws, whatever the value.

/** Decodes a claim item. Unknown keys inside a version-1 item are ignored (room for additions). */
export function decodeClaim(key: string, raw: unknown): Decoded<ClaimVersion> {
  const id = claimIdFromKey(key);
  if (id === null) return fail('unknown-key', `"${printable(key)}" is not a claim key (c:<id>)`);
  if (!isPlainObject(raw)) return fail('malformed', `${key}: expected an object, got ${describe(raw)}`);
  const version = checkVersion(key, raw.v);
  if (version) return version;
  const updatedAt = parseHlc(raw.u);
  if (!updatedAt) return fail('malformed', `${key}: "u" is not a clock (${describe(raw.u)})`);
  if (raw.z !== undefined) {
    if (raw.z !== 1) return fail('malformed', `${key}: "z" must be 1, got ${describe(raw.z)}`);
    return { ok: true, value: { id, updatedAt, deleted: true } };
  }
  const url = raw.l;
  if (typeof url !== 'string' || url.trim() === '') return fail('malformed', `${key}: "l" (url) must be a non-empty string`);
  if (typeof raw.t !== 'string') return fail('malformed', `${key}: "t" (title) must be a string`);
  if (typeof raw.x !== 'string' || raw.x.trim() === '') return fail('malformed', `${key}: "x" (text) must be a non-empty string`);
  const stance = decodeStance(raw.s);
  if (!stance) return fail('malformed', `${key}: "s" must be [corroborates, conflicts, summary]`);
  const savedAt = typeof raw.a === 'string' && /^[0-9a-z]{1,9}$/.test(raw.a) ? parseInt(raw.a, 36) : NaN;
  if (!Number.isSafeInteger(savedAt) || savedAt > updatedAt.wall + MAX_SAVED_AFTER_CLOCK_MS) {
    return fail('malformed', `${key}: "a" (savedAt) is not a plausible time`);
  }
  if (raw.n !== undefined && typeof raw.n !== 'string') return fail('malformed', `${key}: "n" (note) must be a string`);
  const shortened = decodeShortened(raw.k);
  if (shortened === null) return fail('malformed', `${key}: "k" must be letters among n, x, t, s`);
  const claim: SavedClaim = {
    id,
    url,
    title: raw.t,
    text: raw.x,
    stance,
    savedAt,
    note: raw.n ?? '',
    updatedAt,
  };
  if (shortened.length > 0) claim.shortened = shortened;
  return { ok: true, value: claim };
}

/** savedAt is the wall time at saving, and the clock is at least that; allow for rounding only. */
const MAX_SAVED_AFTER_CLOCK_MS = 1_000;

export function encodeMeta(): { key: string; value: WireMeta } {
  return { key: META_KEY, value: { v: SYNC_FORMAT_VERSION } };
}

/** The layout version in the `meta` item. A newer one means: read, but do not write. */
export function decodeMeta(raw: unknown): Decoded<{ version: number }> {
  if (!isPlainObject(raw)) return fail('malformed', `meta: expected an object, got ${describe(raw)}`);
  const version = raw.v;
  if (!Number.isSafeInteger(version) || (version as number) < 1) return fail('malformed', `meta: "v" must be a positive integer, got ${describe(version)}`);
  return { ok: true, value: { version: version as number } };
}

function checkVersion(key: string, v: unknown): { ok: false; problem: DecodeProblem } | null {
  if (v === SYNC_FORMAT_VERSION) return null;
  if (Number.isSafeInteger(v) && (v as number) > SYNC_FORMAT_VERSION) {
    return fail('unsupported-version', `${key}: format version ${String(v)} is newer than this Crosscheck reads (${SYNC_FORMAT_VERSION})`);
  }
  return fail('malformed', `${key}: "v" must be a format version, got ${describe(v)}`);
}

function decodeStance(raw: unknown): StanceSnapshot | null {
  if (!Array.isArray(raw) || raw.length !== 3) return null;
  const [corroborates, conflicts, summary] = raw as unknown[];
  if (!isCount(corroborates) || !isCount(conflicts) || typeof summary !== 'string') return null;
  return { corroborates, conflicts, summary };
}

function isCount(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_STANCE_COUNT;
}

function decodeShortened(raw: unknown): ShortenedField[] | null {
  if (raw === undefined) return [];
  if (typeof raw !== 'string' || !/^[nxts]{1,4}$/.test(raw)) return null;
  return SHORTEN_ORDER.filter((field) => raw.includes(FIELD_LETTER[field]));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function fail(code: DecodeProblemCode, reason: string): { ok: false; problem: DecodeProblem } {
  return { ok: false, problem: { code, reason } };
}

/** A short description of a value for log lines, never its whole content. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `"${printable(value.slice(0, 40))}${value.length > 40 ? '…' : ''}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value).slice(0, 40)}`;
}

function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u2028\u2029]/g, '?');
}

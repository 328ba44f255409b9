import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, formatHlc, HybridClock, parseHlc, type Hlc } from '../../lib/sync/clock';
import {
  claimIdFor,
  claimKey,
  decodeClaim,
  decodeMeta,
  encodeClaim,
  encodeMeta,
  SYNC_FORMAT_VERSION,
  type ClaimVersion,
  type SavedClaim,
} from '../../lib/sync/format';
import { bury, decodeGraveyardShard, encodeGraveyardShard, shardOf, type Graveyard } from '../../lib/sync/graveyard';
import { chromeItemBytes, chromeJsonBytes } from '../../lib/sync/item-bytes';
import { compareClaimVersions, mergeClaimVersions, resolveIncoming } from '../../lib/sync/merge';
import { classifySyncError } from '../../lib/sync/sync-area';

const clockAt = (wall: number, count = 0, device = 'deva1'): Hlc => ({ wall, count, device });

const claim = (overrides: Partial<SavedClaim> = {}): SavedClaim => {
  const url = overrides.url ?? 'https://www.reuters.com/world/asia-pacific/north-korean-troops-russia-2024-10-18/';
  const text = overrides.text ?? 'About 1,500 North Korean special forces were sent to Vladivostok, Seoul said.';
  return {
    id: claimIdFor(url, text),
    url,
    title: 'North Korea sends troops to Russia, Seoul says',
    text,
    stance: { corroborates: 2, conflicts: 1, summary: '1 conflicting: 1,500 vs 12,000 troops' },
    savedAt: Date.UTC(2024, 9, 19, 8, 30),
    note: '',
    updatedAt: clockAt(Date.UTC(2024, 9, 19, 8, 30)),
    ...overrides,
  };
};

/** The same count computed the slow way: build Chrome's JSON text, then measure UTF-8. */
function chromeJsonText(value: unknown): string {
  if (typeof value === 'string') {
    let out = '"';
    for (const ch of value) {
      const code = ch.codePointAt(0)!;
      if (ch === '"') out += '\\"';
      else if (ch === '\\') out += '\\\\';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (ch === '\t') out += '\\t';
      else if (ch === '\b') out += '\\b';
      else if (ch === '\f') out += '\\f';
      else if (ch === '<') out += '\\u003C';
      else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`;
      else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
      else out += ch;
    }
    return `${out}"`;
  }
  if (Array.isArray(value)) return `[${value.map(chromeJsonText).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${chromeJsonText(k)}:${chromeJsonText(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('byte counting as Chrome counts storage.sync items', () => {
  it('is key length plus JSON length for plain ASCII, the documented rule', () => {
    const value = { v: 1, u: 'm2hx1k3c.0.deva1', l: 'https://example.com/a', s: [2, 1, 'ok'] };
    expect(chromeItemBytes('c:abc', value)).toBe('c:abc'.length + JSON.stringify(value).length);
  });

  it('charges what base::JSONWriter writes: \\u003C for <, \\u2028, UTF-8 bytes, ".0" on big integers', () => {
    expect(chromeJsonBytes('a<b')).toBe('"a\\u003Cb"'.length); // 10, JSON.stringify says 5
    expect(chromeJsonBytes('\u2028')).toBe(8);
    expect(chromeJsonBytes('é')).toBe(4); // 2 bytes + quotes
    expect(chromeJsonBytes('😀')).toBe(6); // 4 bytes + quotes
    expect(chromeJsonBytes('\u0001')).toBe(8); // "\u0001"
    expect(chromeJsonBytes(1730000000000)).toBe('1730000000000.0'.length);
    expect(chromeJsonBytes(42)).toBe(2);
    expect(chromeJsonBytes(0.5)).toBe(3);
    expect(chromeJsonBytes('\ud800')).toBe(5); // lone surrogate → U+FFFD
  });

  it('agrees with a direct serialisation for any JSON value (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), (key, value) => {
        const expected = Buffer.byteLength(key, 'utf8') + Buffer.byteLength(chromeJsonText(value), 'utf8');
        // Doubles are the only case JSON.stringify and Chrome format differently besides strings.
        const hasDouble = JSON.stringify(value)?.match(/\d{11,}|\d\.\d|e[+-]/) !== null;
        if (!hasDouble) expect(chromeItemBytes(key, value)).toBe(expected);
      }),
      { seed: 20241019, numRuns: 300 },
    );
  });
});

describe('hybrid logical clock', () => {
  it('never goes backwards when the wall clock does, and orders after what it observed', () => {
    let wall = 1_000;
    const clock = new HybridClock('deva1', () => wall);
    const a = clock.tick();
    wall = 500; // the system clock jumped back
    const b = clock.tick();
    expect(compareHlc(b, a)).toBe(1);
    clock.observe(clockAt(9_000, 3, 'devb2'));
    const c = clock.tick();
    expect(c.wall).toBe(9_000);
    expect(compareHlc(c, clockAt(9_000, 3, 'devb2'))).toBe(1);
  });

  it('round-trips through its text form and refuses garbage', () => {
    const clock = clockAt(Date.UTC(2024, 9, 19), 17, 'k3j9x2ab');
    expect(parseHlc(formatHlc(clock))).toEqual(clock);
    for (const bad of ['', 'x', '1.2', 'zzzzzzzzzz.0.deva1', '01.0.deva1', '1.0.DEV', '1.0.ab', 42, null, {}]) {
      expect(parseHlc(bad)).toBeNull();
    }
  });
});

describe('claim items', () => {
  it('round-trip: a saved claim and a tombstone decode to what was encoded', () => {
    const live = claim({ note: 'Compare with the NIS briefing <23 Oct>' });
    const encoded = encodeClaim(live);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.item.key).toBe(`c:${live.id}`);
    expect(encoded.item.bytes).toBe(chromeItemBytes(encoded.item.key, encoded.item.value));
    expect(decodeClaim(encoded.item.key, JSON.parse(JSON.stringify(encoded.item.value)))).toEqual({ ok: true, value: live });

    const tombstone: ClaimVersion = { id: live.id, updatedAt: clockAt(live.updatedAt.wall + 5, 0, 'devb2'), deleted: true };
    const encodedTombstone = encodeClaim(tombstone);
    expect(encodedTombstone.ok && encodedTombstone.item.bytes).toBeLessThan(50);
    if (encodedTombstone.ok) expect(decodeClaim(encodedTombstone.item.key, encodedTombstone.item.value)).toEqual({ ok: true, value: tombstone });
  });

  it('round-trips any text the reader can save (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: fc.string({ unit: 'grapheme', maxLength: 80 }),
          text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }).filter((t) => t.trim() !== ''),
          note: fc.string({ unit: 'grapheme', maxLength: 200 }),
          summary: fc.string({ maxLength: 60 }),
          corroborates: fc.nat(50),
          conflicts: fc.nat(50),
        }),
        (fields) => {
          const version = claim({
            title: fields.title,
            text: fields.text,
            note: fields.note,
            stance: { corroborates: fields.corroborates, conflicts: fields.conflicts, summary: fields.summary },
          });
          const encoded = encodeClaim(version);
          if (!encoded.ok) return false;
          expect(encoded.item.bytes).toBeLessThanOrEqual(8192);
          expect(decodeClaim(encoded.item.key, JSON.parse(JSON.stringify(encoded.item.value)))).toEqual({ ok: true, value: version });
          return true;
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('shortens a huge note (then text) to fit 8,192 bytes, marks it, and never cuts the URL', () => {
    const version = claim({ note: 'N'.repeat(20_000), text: 'T'.repeat(5_000) });
    const encoded = encodeClaim(version);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    expect(encoded.item.bytes).toBeLessThanOrEqual(8192);
    expect(encoded.item.bytes).toBeGreaterThan(8100); // it used the room it has
    expect(encoded.item.shortened).toEqual(['note']);
    const decoded = decodeClaim(encoded.item.key, encoded.item.value);
    expect(decoded.ok && !decoded.value.deleted && decoded.value.shortened).toEqual(['note']);
    if (decoded.ok && !decoded.value.deleted) {
      expect(decoded.value.text).toBe(version.text);
      expect(decoded.value.url).toBe(version.url);
      expect(decoded.value.note.endsWith('…')).toBe(true);
      expect(version.note.startsWith(decoded.value.note.slice(0, -1))).toBe(true);
    }
  });

  it('refuses, with a reason in bytes, a claim whose URL alone exceeds one item', () => {
    const encoded = encodeClaim(claim({ url: `https://example.com/?q=${'x'.repeat(9_000)}` }));
    expect(encoded).toMatchObject({ ok: false, reason: 'too-large' });
    if (!encoded.ok) expect(encoded.message).toMatch(/needs 9,\d{3} bytes .* one item may take 8,192/);
  });

  it('ignores malformed items from another device with a reason, and never throws on garbage', () => {
    const key = claimKey('abc123');
    const cases: Array<[unknown, RegExp]> = [
      [null, /expected an object/],
      ['a string', /expected an object/],
      [[1, 2], /expected an object/],
      [{ u: 'm2.0.deva1' }, /"v" must be a format version/],
      [{ v: '1', u: 'm2.0.deva1' }, /"v" must be a format version/],
      [{ v: 1, u: 'yesterday' }, /"u" is not a clock/],
      [{ v: 1, u: 'm2.0.deva1', z: true }, /"z" must be 1/],
      [{ v: 1, u: 'm2.0.deva1', l: '', t: '', x: 'x', s: [0, 0, ''], a: '1' }, /"l" \(url\)/],
      [{ v: 1, u: 'm2.0.deva1', l: 'u', t: 3, x: 'x', s: [0, 0, ''], a: '1' }, /"t" \(title\)/],
      [{ v: 1, u: 'm2.0.deva1', l: 'u', t: '', x: 'x', s: [0, -1, ''], a: '1' }, /"s" must be/],
      [{ v: 1, u: 'm2.0.deva1', l: 'u', t: '', x: 'x', s: [0, 0, ''], a: 'zzzzzzzzz' }, /savedAt/],
      [{ v: 1, u: 'm2.0.deva1', l: 'u', t: '', x: 'x', s: [0, 0, ''], a: '1', k: 'q' }, /"k" must be/],
    ];
    for (const [value, reason] of cases) {
      const decoded = decodeClaim(key, value);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) {
        expect(decoded.problem.code).toBe('malformed');
        expect(decoded.problem.reason).toMatch(reason);
      }
    }
    expect(decodeClaim('c:NOT-AN-ID', { v: 1 })).toMatchObject({ ok: false, problem: { code: 'unknown-key' } });
    fc.assert(
      fc.property(fc.string(), fc.anything(), (anyKey, anyValue) => {
        const decoded = decodeClaim(anyKey, anyValue);
        expect(typeof decoded.ok).toBe('boolean');
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('version handling: a newer item version is refused as unsupported, not as garbage', () => {
    const newer = decodeClaim(claimKey('abc'), { v: SYNC_FORMAT_VERSION + 1, u: 'whatever', future: true });
    expect(newer).toMatchObject({ ok: false, problem: { code: 'unsupported-version' } });
    if (!newer.ok) expect(newer.problem.reason).toMatch(/format version 2 is newer than this Crosscheck reads \(1\)/);
    expect(decodeMeta(encodeMeta().value)).toEqual({ ok: true, value: { version: 1 } });
    expect(decodeMeta({ v: 3 })).toEqual({ ok: true, value: { version: 3 } });
    expect(decodeMeta({ v: 0 })).toMatchObject({ ok: false, problem: { code: 'malformed' } });
    // Unknown fields inside a version-1 item are ignored: room for additive changes.
    const encoded = encodeClaim(claim());
    if (encoded.ok) expect(decodeClaim(encoded.item.key, { ...encoded.item.value, extra: [1] }).ok).toBe(true);
  });

  it('gives the same id to the same sentence from the same article, whatever the spacing or #fragment', () => {
    const url = 'https://apnews.com/article/north-korea-russia-troops';
    expect(claimIdFor(url, 'Some 12,000  troops\nwere sent.')).toBe(claimIdFor(`${url}#top`, ' Some 12,000 troops were sent. '));
    expect(claimIdFor(url, 'Some 12,000 troops were sent.')).not.toBe(claimIdFor(url, 'Some 11,000 troops were sent.'));
  });
});

describe('graveyard shards', () => {
  it('round-trip, sorted, within their byte budget; the oldest removals give way', () => {
    const graveyard: Graveyard = new Map();
    const ids: string[] = [];
    for (let i = 0; i < 600; i += 1) {
      const id = claimIdFor('https://example.com', `claim ${i}`);
      ids.push(id);
      bury(graveyard, id, clockAt(1_700_000_000_000 + i * 1000, 0, 'deva1'));
    }
    const shard0 = encodeGraveyardShard(graveyard, 0);
    expect(shard0.bytes).toBeLessThanOrEqual(6144);
    expect(shard0.dropped.length).toBeGreaterThan(0);
    const decoded = decodeGraveyardShard(shard0.key, shard0.value);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const keptNewest = decoded.value.entries.map(([, at]) => at.wall);
    const droppedWalls = shard0.dropped.map((id) => graveyard.get(id)!.wall);
    expect(Math.max(...droppedWalls)).toBeLessThan(Math.min(...keptNewest));
    expect(decoded.value.entries.every(([id]) => shardOf(id) === 0)).toBe(true);
    expect(decodeGraveyardShard('g:0', { v: 1, e: 'ok=1.0.deva1 bad== =x' })).toMatchObject({ ok: true, value: { skipped: 2 } });
    expect(decodeGraveyardShard('g:0', { v: 1, e: 7 })).toMatchObject({ ok: false, problem: { code: 'malformed' } });
  });
});

describe('merge of two versions of one claim', () => {
  const arbitraryVersion = (id: string) =>
    fc.oneof(
      fc.record({ wall: fc.integer({ min: 1, max: 50 }), count: fc.nat(3), device: fc.constantFrom('deva1', 'devb2'), note: fc.string({ maxLength: 4 }) }).map(
        ({ wall, count, device, note }): ClaimVersion => ({ ...claim({ note }), id, updatedAt: clockAt(wall, count, device) }),
      ),
      fc.record({ wall: fc.integer({ min: 1, max: 50 }), count: fc.nat(3), device: fc.constantFrom('deva1', 'devb2') }).map(
        ({ wall, count, device }): ClaimVersion => ({ id, updatedAt: clockAt(wall, count, device), deleted: true }),
      ),
    );

  it('is commutative, associative and idempotent: every device ends with the same version', () => {
    const id = claim().id;
    fc.assert(
      fc.property(arbitraryVersion(id), arbitraryVersion(id), arbitraryVersion(id), (a, b, c) => {
        expect(mergeClaimVersions(a, b)).toEqual(mergeClaimVersions(b, a));
        expect(mergeClaimVersions(mergeClaimVersions(a, b), c)).toEqual(mergeClaimVersions(a, mergeClaimVersions(b, c)));
        expect(mergeClaimVersions(a, a)).toEqual(a);
      }),
      { seed: 3, numRuns: 400 },
    );
  });

  it('removal vs note edit: the later by clock wins, in either order of arrival', () => {
    const base = claim();
    const removed: ClaimVersion = { id: base.id, updatedAt: clockAt(base.updatedAt.wall + 10, 0, 'deva1'), deleted: true };
    const annotatedLater = { ...base, note: 'keep: cited by NIS', updatedAt: clockAt(base.updatedAt.wall + 20, 0, 'devb2') };
    const annotatedEarlier = { ...base, note: 'old thought', updatedAt: clockAt(base.updatedAt.wall + 5, 0, 'devb2') };
    expect(mergeClaimVersions(removed, annotatedLater)).toEqual(annotatedLater);
    expect(mergeClaimVersions(annotatedLater, removed)).toEqual(annotatedLater);
    expect(mergeClaimVersions(removed, annotatedEarlier)).toEqual(removed);
    expect(compareClaimVersions(removed, annotatedEarlier)).toBe(1);
  });

  it('a stale version is refused once the graveyard remembers the removal', () => {
    const base = claim();
    const graveyard: Graveyard = new Map([[base.id, clockAt(base.updatedAt.wall + 10, 0, 'deva1')]]);
    expect(resolveIncoming(undefined, { ...base, note: 'late edit', updatedAt: clockAt(base.updatedAt.wall + 9, 0, 'devb2') }, graveyard)).toEqual({
      action: 'buried',
    });
    const newer = { ...base, updatedAt: clockAt(base.updatedAt.wall + 11, 0, 'devb2') };
    expect(resolveIncoming(undefined, newer, graveyard)).toEqual({ action: 'accept', version: newer });
  });

  it('keeps the full text this device holds when the winning version arrived shortened', () => {
    const full = claim({ note: 'x'.repeat(9_000) });
    const encoded = encodeClaim(full);
    if (!encoded.ok) throw new Error('expected to fit shortened');
    const decoded = decodeClaim(encoded.item.key, encoded.item.value);
    if (!decoded.ok || decoded.value.deleted) throw new Error('expected a claim');
    const decision = resolveIncoming(full, decoded.value, new Map());
    expect(decision).toEqual({ action: 'same', version: full });
  });
});

describe('sync errors', () => {
  it('are told apart by message, in Chrome old and new wording and Firefox wording', () => {
    expect(classifySyncError(new Error('Resource::kQuotaBytes quota exceeded')).kind).toBe('quota-bytes');
    expect(classifySyncError(new Error('QUOTA_BYTES quota exceeded')).kind).toBe('quota-bytes');
    expect(classifySyncError(new Error('Resource::kQuotaBytesPerItem quota exceeded')).kind).toBe('quota-bytes-per-item');
    expect(classifySyncError(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')).kind).toBe('quota-bytes-per-item');
    expect(classifySyncError(new Error('Resource::kMaxItems quota exceeded')).kind).toBe('max-items');
    expect(classifySyncError(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.')).kind).toBe('rate-minute');
    expect(classifySyncError(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.')).kind).toBe('rate-hour');
    expect(classifySyncError(new Error('QuotaExceededError: storage.sync API call exceeded its quota limitations.')).kind).toBe('quota');
    expect(classifySyncError(new Error('Sync is disabled')).kind).toBe('other');
  });
});

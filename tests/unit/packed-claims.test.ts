// The index's claims as the background caches them (lib/packed-claims.ts): what a stopped
// worker reads back must be the claims it wrote, sharing their parts as before, and a row it
// cannot read must send it to rebuild, never to match against damaged claims.
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, deserializeCorpusIndex, serializeCorpusIndex } from '../../lib/corpus-index';
import { packClaims, unpackClaims } from '../../lib/packed-claims';
import { DEFAULT_PACK } from '../../lib/topics';
import { loadSeedReports } from '../../cli/load-reports';

const index = buildCorpusIndex(loadSeedReports(), DEFAULT_PACK);
/** As IndexedDB writes and reads a value. */
const storedAndRead = <T>(x: T): T => structuredClone(x);
const distinct = <T>(xs: readonly T[]) => new Set(xs).size;

describe('packed claims', () => {
  it('read back, are the claims written: every field, in the same order', () => {
    const back = unpackClaims(storedAndRead(packClaims(index.claims)), index.reports.length)!;
    expect(back).toEqual(index.claims);
    expect(JSON.stringify(back)).toBe(JSON.stringify(index.claims));
  });

  it('share their lists and events as the index shares them, and write each string once', () => {
    const packed = packClaims(index.claims);
    const back = unpackClaims(storedAndRead(packed), index.reports.length)!;
    for (const field of ['terms', 'actors', 'places', 'checkable', 'events', 'quantities'] as const) {
      expect(distinct(back.map((c) => c[field])), field).toBe(distinct(index.claims.map((c) => c[field])));
    }
    expect(distinct(packed.strings)).toBe(packed.strings.length);
  });

  it('refuse a row that points outside its pools or past the reports, so the background rebuilds rather than match damaged claims', () => {
    const packed = packClaims(index.claims);
    const pastStrings = { ...packed, rows: packed.rows.map((v, i) => (i === 0 ? packed.strings.length : v)) };
    const reports = index.reports.length;
    expect(unpackClaims(pastStrings, reports)).toBeNull();
    const cutLists = { ...packed, lists: packed.lists.subarray(0, packed.lists.length - 1) };
    expect(unpackClaims(cutLists, reports)).toBeNull();
    const cutRow = { ...packed, rows: packed.rows.subarray(1) };
    expect(unpackClaims(cutRow, reports)).toBeNull();
    // Every seed report has claims, so a row names the last report: an index listing one report fewer is damaged.
    expect(unpackClaims(packed, reports - 1)).toBeNull();
    expect(unpackClaims(packed, reports)).not.toBeNull();
  });

  it('refuse the cache row of the earlier form (the claims as objects), so the index is rebuilt once', () => {
    const earlier = { ...serializeCorpusIndex(index), claims: index.claims };
    expect(deserializeCorpusIndex(storedAndRead(earlier), DEFAULT_PACK)).toBeNull();
    expect(deserializeCorpusIndex(storedAndRead(serializeCorpusIndex(index)), DEFAULT_PACK)?.claims).toEqual(index.claims);
  });
});

// The saved-claims list as the reader uses it on one device: search, notes, export
// (JSON and Markdown), import of an export, restart, and what open UIs are told.

import { describe, expect, it } from 'vitest';
import { SavedClaimsInputError, SavedClaimsSync, type SavedClaimsEvent } from '../../lib/sync/engine';
import { MemoryLocalStore } from './helpers/memory-local-store';
import { SimulatedSyncArea, SimulatedSyncNetwork } from './helpers/simulated-sync-area';
import { addDevice, claimInput, FakeClock, settle, startDevice } from './sync-harness';

async function oneDevice() {
  const clock = new FakeClock();
  const area = new SimulatedSyncArea({ now: clock.now });
  const device = await startDevice('A', area, clock);
  return { clock, area, device, engine: device.engine };
}

describe('saved claims on one device', () => {
  it('search finds claims by any words of text, title, note or summary, ignoring case, accents and thousands separators', async () => {
    const { engine } = await oneDevice();
    const kursk = await engine.save(claimInput(1, { text: 'About 12,000 North Korean troops are in the Kursk region, Zelensky said.' }));
    await engine.update(kursk.claim.id, { note: 'Compare with the Pentagon figure' });
    await engine.save(claimInput(2, { text: 'Pyongyang denied sending any soldiers.', title: 'Pyŏngyang répond' }));
    await engine.save(claimInput(3, { text: 'Seoul’s spy agency counted 1,500 special forces.' }));
    const found = (query: string) => engine.search(query).map((claim) => claim.text);
    expect(found('12000 kursk')).toEqual(['About 12,000 North Korean troops are in the Kursk region, Zelensky said.']);
    expect(found('PENTAGON')).toHaveLength(1);
    expect(found('pyongyang repond')).toEqual(['Pyongyang denied sending any soldiers.']);
    expect(found('1500')).toEqual(['Seoul’s spy agency counted 1,500 special forces.']);
    expect(found('zelensky denied')).toEqual([]); // every word must match
    expect(found('  ')).toHaveLength(3);
  });

  it('saving the same claim twice keeps one; a note edit does not change when it was saved', async () => {
    const { engine, clock } = await oneDevice();
    const first = await engine.save(claimInput(4));
    clock.advance(60_000);
    const again = await engine.save(claimInput(4));
    expect(again).toMatchObject({ created: false, claim: { id: first.claim.id } });
    await engine.update(first.claim.id, { note: '  double-check the date  ' });
    expect(engine.get(first.claim.id)).toMatchObject({ note: 'double-check the date', savedAt: first.claim.savedAt });
    expect(engine.list()).toHaveLength(1);
    expect(await engine.update('nosuchclaim', { note: 'x' })).toBeNull();
    expect(await engine.remove('nosuchclaim')).toBe(false);
  });

  it('refuses unusable input with a clear message', async () => {
    const { engine } = await oneDevice();
    await expect(engine.save(claimInput(5, { text: '   ' }))).rejects.toThrow(new SavedClaimsInputError('The claim text is empty.'));
    await expect(engine.save(claimInput(5, { stance: { corroborates: -1, conflicts: 0, summary: '' } }))).rejects.toThrow(
      'Stance counts must be whole numbers from 0.',
    );
    expect(engine.list()).toHaveLength(0);
  });

  it('exports Markdown a reader can read, with page text that cannot inject links or HTML', async () => {
    const { engine } = await oneDevice();
    const { claim } = await engine.save({
      url: 'https://www.example.com/a b',
      title: '[Click](javascript:alert(1)) <script>x</script> # Troops',
      text: 'Line one.\nLine *two* with 1,500 troops.',
      stance: { corroborates: 2, conflicts: 1, summary: '1 conflicting: 1,500 vs 12,000 troops' },
      note: 'See _NIS_ briefing',
    });
    const markdown = engine.exportMarkdown();
    expect(markdown).toContain('# Saved claims (Crosscheck)');
    expect(markdown).toContain('1 claim.');
    expect(markdown).toContain('## 1. \\[Click\\](javascript:alert(1)) \\<script\\>x\\</script\\> \\# Troops');
    expect(markdown).toContain('> Line one.\n> Line \\*two\\* with 1,500 troops.');
    expect(markdown).toContain('- Article: <https://www.example.com/a%20b>');
    expect(markdown).toContain('- Reports: 2 corroborating, 1 conflicting; 1 conflicting: 1,500 vs 12,000 troops');
    expect(markdown).toContain('- Note: See \\_NIS\\_ briefing');
    expect(markdown).toContain(`- Saved: ${new Date(claim.savedAt).toISOString().slice(0, 10)}`);
    expect(markdown).not.toMatch(/<script>/);
  });

  it('imports its own export on another device: same claims, notes and dates; a second import adds nothing', async () => {
    const { engine } = await oneDevice();
    const { claim } = await engine.save(claimInput(6));
    await engine.update(claim.id, { note: 'from the laptop' });
    await engine.save(claimInput(7));
    const exported = engine.exportJson();

    const other = await oneDevice();
    expect(await other.engine.importJson(exported)).toEqual({ ok: true, added: 2, alreadySaved: 0, skipped: [] });
    const strip = (claims: ReturnType<SavedClaimsSync['list']>) =>
      claims.map(({ id, url, title, text, stance, savedAt, note }) => ({ id, url, title, text, stance, savedAt, note }));
    expect(strip(other.engine.list())).toEqual(strip(engine.list()));
    expect(await other.engine.importJson(exported)).toEqual({ ok: true, added: 0, alreadySaved: 2, skipped: [] });
  });

  it('refuses broken or hostile import files with a clear error and changes nothing', async () => {
    const { engine } = await oneDevice();
    await engine.save(claimInput(8));
    const before = JSON.stringify(engine.list());
    const valid = JSON.parse(engine.exportJson()) as { claims: unknown[] };
    const cases: Array<[string, RegExp]> = [
      ['{"format": "crosscheck-saved-claims", "version": 1, "claims": [', /not valid JSON/],
      ['[]', /not a Crosscheck saved-claims export/],
      ['{"format": "crosscheck-saved-claims", "version": 7, "claims": []}', /version 7; this Crosscheck reads version 1/],
      ['{"format": "crosscheck-saved-claims", "version": 1, "claims": {}}', /no "claims" list/],
      [JSON.stringify(valid).replace('"claims":[', '"__proto__":{"polluted":true},"claims":['), /contains the key "__proto__"/],
      [JSON.stringify(valid).replace('"note":', '"constructor":{"name":"x"},"note":'), /contains the key "constructor"/],
      ['', /empty/],
    ];
    for (const [text, error] of cases) {
      const result = await engine.importJson(text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(error);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(engine.list())).toBe(before);

    const mixed = JSON.stringify({
      format: 'crosscheck-saved-claims',
      version: 1,
      claims: [
        { url: 'https://a.example/1', title: 'A', text: 'Some 3,000 troops moved.', stance: { corroborates: 1, conflicts: 0, summary: '' }, savedAt: '2024-10-20T10:00:00Z', note: '' },
        { url: 'https://a.example/2', text: 'x', stance: { corroborates: 0, conflicts: 0 }, savedAt: 'yesterday' },
        { url: '', text: 'y', stance: { corroborates: 0, conflicts: 0 }, savedAt: '2024-10-20T10:00:00Z' },
        'not a claim',
      ],
    });
    expect(await engine.importJson(mixed)).toEqual({
      ok: true,
      added: 1,
      alreadySaved: 0,
      skipped: [
        { index: 1, reason: '"savedAt" is not a date' },
        { index: 2, reason: '"url" is empty' },
        { index: 3, reason: 'not an object' },
      ],
    });
    expect(engine.list()).toHaveLength(2);
  });

  it('survives a restart: the list, pending writes and the clock come back from local storage', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const local = new MemoryLocalStore();
    const first = await startDevice('A', area, clock, { local });
    const synced = await first.engine.save(claimInput(9));
    await first.engine.flush();
    const pending = await first.engine.save(claimInput(10)); // not flushed: the browser closes
    const lastClock = first.engine.lastChange(pending.claim.id)!.updatedAt;
    first.engine.stop();

    clock.advance(-3_600_000); // the machine's clock went back an hour meanwhile
    const second = await startDevice('A', area, clock, { local });
    expect(second.engine.list().map((claim) => [claim.id, claim.synced])).toEqual(
      expect.arrayContaining([
        [synced.claim.id, true],
        [pending.claim.id, false],
      ]),
    );
    await second.engine.update(synced.claim.id, { note: 'after restart' });
    expect(second.engine.lastChange(synced.claim.id)!.updatedAt.wall).toBeGreaterThanOrEqual(lastClock.wall);
    await second.engine.flush();
    expect(second.engine.status().state).toBe('synced');
    expect(Object.keys(area.snapshot())).toHaveLength(3);
  });

  it('a sync area emptied behind its back (sync reset) is filled again from this device', async () => {
    const { engine, area, clock } = await oneDevice();
    await engine.save(claimInput(11));
    await engine.save(claimInput(12));
    await engine.flush();
    await area.clear();
    await engine.whenIdle();
    clock.advance(10_000);
    await engine.flush();
    expect(engine.list()).toHaveLength(2);
    expect(Object.keys(area.snapshot()).sort()).toEqual(['meta', ...engine.list().map((claim) => `c:${claim.id}`)].sort());
  });

  it('tells subscribers about local and remote changes and about status changes', async () => {
    const clock = new FakeClock();
    const network = new SimulatedSyncNetwork({ seed: 9 });
    const a = await addDevice(network, clock, 'A');
    const b = await addDevice(network, clock, 'B');
    const events: SavedClaimsEvent[] = [];
    const unsubscribe = b.engine.subscribe((event) => events.push(event));
    const { claim } = await a.engine.save(claimInput(13));
    await b.engine.save(claimInput(14));
    await settle(network, [a, b], clock);
    expect(events).toContainEqual({ type: 'claims-changed', origin: 'local', ids: [expect.any(String)] });
    expect(events).toContainEqual({ type: 'claims-changed', origin: 'remote', ids: [claim.id] });
    const statuses = events.filter((event) => event.type === 'status-changed').map((event) => event.type === 'status-changed' && event.status.state);
    expect(statuses).toEqual(expect.arrayContaining(['pending', 'synced']));
    unsubscribe();
    const count = events.length;
    await a.engine.remove(claim.id);
    await settle(network, [a, b], clock);
    expect(b.engine.get(claim.id)).toBeNull();
    expect(events).toHaveLength(count);
  });
});

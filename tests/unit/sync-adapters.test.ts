// The two thin adapters (browser.storage.sync as SyncArea, the background's private
// IndexedDB as LocalStore) wired to the engine, over WXT's fake browser and fake-indexeddb.

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LEGACY_CLAIM_PREFIX, LEGACY_META_KEY, privateLocalClaimsStore } from '../../adapters/local-claims-store';
import { privateDb } from '../../adapters/private-db';
import { browserSyncArea } from '../../adapters/sync-area';
import { SavedClaimsSync } from '../../lib/sync/engine';
import { encodeClaim, claimIdFor, type SavedClaim } from '../../lib/sync/format';
import { claimInput, FakeClock } from './sync-harness';

beforeEach(() => {
  fakeBrowser.reset();
});

async function engineOverBrowser(clock: FakeClock) {
  const engine = new SavedClaimsSync({ area: browserSyncArea(), local: privateLocalClaimsStore(), now: clock.now, log: () => {} });
  await engine.start();
  return engine;
}

describe('saved claims over browser.storage', () => {
  it('writes claims to storage.sync and keeps its own copy in the private database, not in storage.local', async () => {
    const clock = new FakeClock();
    const engine = await engineOverBrowser(clock);
    const { claim } = await engine.save(claimInput(1));
    await engine.flush();
    const synced = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(synced).sort()).toEqual([`c:${claim.id}`, 'meta']);
    expect(synced[`c:${claim.id}`]).toMatchObject({ v: 1, x: claimInput(1).text });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await privateDb().savedClaims.get(claim.id)).toMatchObject({ synced: true, version: { id: claim.id, text: claimInput(1).text } });
    expect((await privateDb().kv.get('savedClaims:meta'))?.value).toMatchObject({ deviceId: engine.deviceId });
    expect(engine.deviceId).toMatch(/^[0-9a-z]{8}$/);
  });

  it('picks up what another device wrote to sync, and ignores changes to other storage areas', async () => {
    const clock = new FakeClock();
    const engine = await engineOverBrowser(clock);
    const url = 'https://www.bbc.com/news/articles/c4g0';
    const text = 'Kyiv says the first units are already near the front.';
    const remote: SavedClaim = {
      id: claimIdFor(url, text),
      url,
      title: 'Ukraine war',
      text,
      stance: { corroborates: 1, conflicts: 0, summary: 'agrees' },
      savedAt: clock.time - 5_000,
      note: 'from the phone',
      updatedAt: { wall: clock.time - 5_000, count: 0, device: 'phone123' },
    };
    const encoded = encodeClaim(remote);
    if (!encoded.ok) throw new Error('fits');
    await fakeBrowser.storage.sync.set({ [encoded.item.key]: encoded.item.value });
    await fakeBrowser.storage.local.set({ [`c:${remote.id}`]: encoded.item.value }); // same key, other area: not sync
    await engine.whenIdle();
    expect(engine.list()).toEqual([expect.objectContaining({ id: remote.id, note: 'from the phone', synced: true })]);

    await fakeBrowser.storage.sync.remove(encoded.item.key); // fake reports newValue: null
    await engine.whenIdle();
    expect(engine.get(remote.id)).toMatchObject({ synced: false, syncNote: 'Waiting to sync.' }); // kept, and written back
  });

  it('moves the copy an earlier version left in storage.local into the private database, and removes it there', async () => {
    const clock = new FakeClock();
    const first = await engineOverBrowser(clock);
    await first.save(claimInput(3));
    await first.flush();
    first.stop();
    // As an earlier version left it: one storage.local key per claim, and the meta.
    const record = (await privateDb().savedClaims.toArray())[0]!;
    const meta = (await privateDb().kv.get('savedClaims:meta'))!.value;
    await privateDb().savedClaims.clear();
    await privateDb().kv.clear();
    await fakeBrowser.storage.local.set({ [LEGACY_CLAIM_PREFIX + record.version.id]: record, [LEGACY_META_KEY]: meta });
    const second = await engineOverBrowser(clock);
    expect(second.list().map((claim) => claim.text)).toEqual([claimInput(3).text]);
    expect(second.deviceId).toBe(first.deviceId);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('starts again from its private copy after a restart, with the same device id', async () => {
    const clock = new FakeClock();
    const first = await engineOverBrowser(clock);
    await first.save(claimInput(2));
    const deviceId = first.deviceId;
    first.stop();
    const second = await engineOverBrowser(clock);
    expect(second.deviceId).toBe(deviceId);
    expect(second.list().map((claim) => claim.text)).toEqual([claimInput(2).text]);
    expect(second.status()).toMatchObject({ state: 'pending', pendingCount: 1 });
  });
});

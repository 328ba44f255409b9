// storage.sync is small: 512 items, 102,400 bytes, 8,192 bytes per item, 120 writes
// a minute, 1,800 an hour (SimulatedSyncArea enforces them with Chrome's errors).
// When a limit is reached the reader is told plainly, nothing is lost, and removing
// old claims lets the waiting ones sync.

import { describe, expect, it } from 'vitest';
import type { FlushScheduler } from '../../lib/sync/engine';
import { SimulatedSyncArea, SimulatedSyncNetwork } from './helpers/simulated-sync-area';
import fc from 'fast-check';
import { addDevice, claimInput, FakeClock, settle, startDevice, visible } from './sync-harness';
import { opArbitrary, runScenario, type RunSummary } from './sync-scenario';

/** A short claim (~110 bytes in sync) so that hundreds fit in 100 KB. */
const tinyClaim = (n: number) => ({
  url: `https://e.kr/${n}`,
  title: '',
  text: `Claim ${n}`,
  stance: { corroborates: 0, conflicts: 0, summary: '' },
});

/** A claim of about 1 KB in sync. */
const kilobyteClaim = (n: number) =>
  claimInput(n, { text: `${n}: ${'Seoul said about 1,500 special forces were shipped from Chongjin to Vladivostok. '.repeat(11)}` });

describe('the 512-item limit', () => {
  it('keeps the claims that do not fit on this device, says so, and syncs them once old claims are removed', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const device = await startDevice('A', area, clock);
    for (let n = 0; n < 520; n += 1) {
      await device.engine.save(tinyClaim(n));
      clock.advance(1_000);
    }
    await device.engine.flush();

    const snapshot = area.snapshot();
    expect(Object.keys(snapshot)).toHaveLength(512); // meta + 511 claims
    const status = device.engine.status();
    expect(status).toMatchObject({ state: 'quota-full', limit: 'items', localOnlyCount: 9, savedCount: 520 });
    expect(status.message).toBe('Sync storage is full (512 items). 9 claims are saved on this device only. Export or remove old claims to sync them.');
    const claims = device.engine.list();
    expect(claims).toHaveLength(520); // nothing lost
    const localOnly = claims.filter((claim) => !claim.synced);
    expect(localOnly.map((claim) => claim.text).sort()).toEqual([511, 512, 513, 514, 515, 516, 517, 518, 519].map((n) => `Claim ${n}`).sort());
    expect(localOnly.every((claim) => claim.syncNote === 'Sync storage is full: saved on this device only for now.')).toBe(true);
    expect(JSON.parse(device.engine.exportJson()).claims).toHaveLength(520);
    expect(area.writeLog.every((write) => write.outcome === 'ok')).toBe(true); // never ran into the browser's refusal

    // The way out: remove the 12 oldest claims.
    const oldest = [...claims].sort((a, b) => a.savedAt - b.savedAt).slice(0, 12);
    for (const claim of oldest) await device.engine.remove(claim.id);
    clock.advance(60_000);
    await device.engine.flush();
    await device.engine.flush();
    expect(device.engine.status()).toMatchObject({ state: 'synced', localOnlyCount: 0, savedCount: 508 });
    expect(device.engine.list().every((claim) => claim.synced)).toBe(true);
    expect(Object.keys(area.snapshot()).length).toBeLessThanOrEqual(512);
    console.log(
      `512-item limit: 520 saved, 511 synced + 9 local-only ("${status.message}"); after removing 12: ${device.engine.list().length} saved, all synced, ${Object.keys(area.snapshot()).length} items in sync`,
    );
  });
});

describe('the 102,400-byte limit', () => {
  it('holds back what does not fit, loses nothing, and the other device gets the rest once space is freed', async () => {
    const clock = new FakeClock();
    const network = new SimulatedSyncNetwork({ seed: 5 });
    const a = await addDevice(network, clock, 'A');
    const b = await addDevice(network, clock, 'B');
    for (let n = 0; n < 110; n += 1) {
      await a.engine.save(kilobyteClaim(n));
      clock.advance(1_000);
    }
    await settle(network, [a, b], clock);

    const status = a.engine.status();
    const bytesInSync = await a.area.getBytesInUse();
    expect(bytesInSync).toBeLessThanOrEqual(102_400);
    expect(bytesInSync).toBeGreaterThan(100_000); // it used the space there is
    expect(status.state).toBe('quota-full');
    expect(status.limit).toBe('bytes');
    expect(status.localOnlyCount).toBeGreaterThan(5);
    expect(status.message).toBe(
      `Sync storage is full (100 KB). ${status.localOnlyCount} claims are saved on this device only. Export or remove old claims to sync them.`,
    );
    expect(a.engine.list()).toHaveLength(110);
    expect(b.engine.list()).toHaveLength(110 - status.localOnlyCount);
    expect(a.area.writeLog.every((write) => write.outcome === 'ok')).toBe(true);

    const oldest = [...a.engine.list()].sort((x, y) => x.savedAt - y.savedAt).slice(0, 20);
    for (const claim of oldest) await a.engine.remove(claim.id);
    await settle(network, [a, b], clock);
    expect(a.engine.status()).toMatchObject({ state: 'synced', savedCount: 90, localOnlyCount: 0 });
    expect(visible(b)).toEqual(visible(a));
    expect(await a.area.getBytesInUse()).toBeLessThanOrEqual(102_400);
    console.log(
      `102,400-byte limit: 110 claims of ~1 KB, ${110 - status.localOnlyCount} synced (${bytesInSync.toLocaleString('en-US')} bytes) + ${status.localOnlyCount} local-only; after removing 20: 90 on both devices, ${(await a.area.getBytesInUse()).toLocaleString('en-US')} bytes`,
    );
  });
});

describe('the 8,192-bytes-per-item limit', () => {
  it('shortens a claim with a huge note for sync (documented, marked) and keeps it whole here', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const device = await startDevice('A', area, clock);
    const note = `My notes: ${'the figure moved from 1,500 to 3,000 to 12,000 over two weeks; '.repeat(320)}end`;
    const { claim } = await device.engine.save(claimInput(1, { note }));
    await device.engine.flush();
    const item = area.snapshot()[`c:${claim.id}`] as { n: string; k: string };
    expect(item.k).toBe('n');
    expect(item.n.endsWith('…')).toBe(true);
    expect(JSON.stringify(item).length + `c:${claim.id}`.length).toBeLessThanOrEqual(8_192);
    const here = device.engine.get(claim.id)!;
    expect(here.note === note).toBe(true); // the local copy keeps all 20 KB
    expect(here.synced).toBe(true);
    expect(here.syncNote).toBe('Synced shortened (one claim may take 8 KB in sync): your other devices see a shortened note.');
    expect(JSON.parse(device.engine.exportJson()).claims[0].note === note).toBe(true);
  });

  it('refuses to sync a claim that cannot fit even shortened, with a clear message, and keeps it', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const device = await startDevice('A', area, clock);
    const hugeUrl = `https://news.example/article?tracking=${'x'.repeat(9_000)}`;
    const { claim } = await device.engine.save(claimInput(2, { url: hugeUrl }));
    await device.engine.save(claimInput(3));
    await device.engine.flush();
    expect(area.snapshot()[`c:${claim.id}`]).toBeUndefined();
    expect(device.engine.status()).toMatchObject({
      state: 'too-large',
      localOnlyCount: 1,
      message: '1 claim is too large to sync (over 8 KB even shortened) and saved on this device only. Export keeps them in full.',
    });
    expect(device.engine.get(claim.id)).toMatchObject({ synced: false, syncNote: 'Too large to sync (over 8 KB even shortened): saved on this device only.' });
    expect(device.engine.list()).toHaveLength(2);
    expect(device.engine.exportJson()).toContain(hugeUrl);
    expect(area.writeLog.every((write) => write.outcome === 'ok')).toBe(true);
  });
});

/** Timers on the fake clock, as the background's setTimeout would run them. */
class FakeScheduler implements FlushScheduler {
  private timers: Array<{ at: number; run: () => void; live: boolean }> = [];
  constructor(private readonly clock: FakeClock) {}
  schedule(delayMs: number, run: () => void): () => void {
    const timer = { at: this.clock.time + delayMs, run, live: true };
    this.timers.push(timer);
    return () => {
      timer.live = false;
    };
  }
  /** Runs every timer due up to `until`, moving the clock to each. */
  async runUntil(until: number, settleTask: () => Promise<void>): Promise<void> {
    for (;;) {
      this.timers = this.timers.filter((timer) => timer.live);
      const next = this.timers.sort((a, b) => a.at - b.at)[0];
      if (!next || next.at > until) break;
      this.clock.time = Math.max(this.clock.time, next.at);
      next.live = false;
      next.run();
      await settleTask();
    }
    this.clock.time = Math.max(this.clock.time, until);
  }
}

describe('write-rate limits', () => {
  it('a burst of 500 saves stays within 120 writes a minute and 1,800 an hour', async () => {
    // Worst case: the caller flushes after every single save.
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const device = await startDevice('A', area, clock);
    for (let n = 0; n < 500; n += 1) {
      await device.engine.save(tinyClaim(n));
      await device.engine.flush();
      clock.advance(50); // 500 saves in 25 seconds
    }
    for (let i = 0; i < 120 && device.engine.status().state !== 'synced'; i += 1) {
      clock.advance(1_000);
      await device.engine.flush();
    }
    expect(device.engine.status()).toMatchObject({ state: 'synced', savedCount: 500 });
    const perMinute = area.maxWritesInAnyWindow(60_000);
    const perHour = area.maxWritesInAnyWindow(3_600_000);
    const refused = area.writeLog.filter((write) => write.outcome !== 'ok').length;
    expect(perMinute).toBeLessThanOrEqual(120);
    expect(perHour).toBeLessThanOrEqual(1_800);
    expect(refused).toBe(0);
    const lastWrite = area.writeLog[area.writeLog.length - 1]!.at;

    // The same burst with the engine scheduling its own flushes (what the background does).
    const clock2 = new FakeClock();
    const area2 = new SimulatedSyncArea({ now: clock2.now });
    const scheduler = new FakeScheduler(clock2);
    const { SavedClaimsSync } = await import('../../lib/sync/engine');
    const { MemoryLocalStore } = await import('./helpers/memory-local-store');
    const engine = new SavedClaimsSync({ area: area2, local: new MemoryLocalStore(), deviceId: 'deva', now: clock2.now, scheduler, log: () => {} });
    await engine.start();
    for (let n = 0; n < 500; n += 1) {
      await engine.save(tinyClaim(n));
      await scheduler.runUntil(clock2.time + 50, () => engine.whenIdle());
    }
    await scheduler.runUntil(clock2.time + 120_000, () => engine.whenIdle());
    expect(engine.status()).toMatchObject({ state: 'synced', savedCount: 500 });
    expect(area2.maxWritesInAnyWindow(60_000)).toBeLessThanOrEqual(120);
    expect(area2.writeLog.every((write) => write.outcome === 'ok')).toBe(true);

    // What writing each save at once would do: Chrome refuses from the 121st write in the minute.
    const clock3 = new FakeClock();
    const naive = new SimulatedSyncArea({ now: clock3.now });
    for (let n = 0; n < 500; n += 1) {
      await naive.set({ [`c:${n}`]: tinyClaim(n) }).catch(() => undefined);
      clock3.advance(50);
    }
    const naiveRefused = naive.writeLog.filter((write) => write.outcome.includes('MAX_WRITE_OPERATIONS_PER_MINUTE')).length;
    expect(naiveRefused).toBe(380);

    console.log(
      [
        'Burst of 500 saves in 25 s (write operations counted by the simulated Chrome area):',
        `  flush after every save: ${area.writeLog.length} writes in total, at most ${perMinute} in any minute, ${perHour} in any hour, ${refused} refused; all synced ${((lastWrite - START_OF(area)) / 1000).toFixed(0)} s after the first save`,
        `  engine-scheduled flushes: ${area2.writeLog.length} writes in total, at most ${area2.maxWritesInAnyWindow(60_000)} in any minute, 0 refused`,
        `  one write per save (no batching): ${naive.writeLog.length} writes, ${naiveRefused} refused with "This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota."`,
      ].join('\n'),
    );
  });

  it('when the browser refuses for its rate limit anyway (another writer), the reader is told and nothing is lost', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const device = await startDevice('A', area, clock);
    for (let i = 0; i < 120; i += 1) await area.set({ settings: { theme: i % 2 ? 'dark' : 'light' } }); // another feature's writes
    const { claim } = await device.engine.save(claimInput(4));
    await device.engine.flush();
    expect(device.engine.status()).toMatchObject({ state: 'rate-limited', pendingCount: 1 });
    expect(device.engine.status().message).toBe("Sync is pausing to stay within the browser's write limits; 1 change will sync in about 1 minute.");
    expect(device.engine.get(claim.id)).toMatchObject({ synced: false, syncNote: 'Waiting to sync.' });
    clock.advance(61_000);
    await device.engine.flush();
    expect(device.engine.status().state).toBe('synced');
    expect(device.engine.get(claim.id)?.synced).toBe(true);
  });

  it('when sync fails for another reason, the claim stays saved here and syncs after the failure ends', async () => {
    const clock = new FakeClock();
    const area = new SimulatedSyncArea({ now: clock.now });
    const device = await startDevice('A', area, clock);
    area.brokenWith = new Error('Sync is disabled by the administrator');
    const { claim } = await device.engine.save(claimInput(5));
    await device.engine.flush();
    expect(device.engine.status()).toMatchObject({
      state: 'error',
      message: 'Sync is not working right now (Sync is disabled by the administrator). Your claims are saved on this device; Crosscheck will try again in about 1 minute.',
    });
    expect(device.engine.list()).toHaveLength(1);
    area.brokenWith = null;
    clock.advance(30_000);
    await device.engine.flush(); // too early: waits for the retry time, writes nothing
    expect(device.engine.get(claim.id)?.synced).toBe(false);
    clock.advance(31_000);
    await device.engine.flush();
    expect(device.engine.status().state).toBe('synced');
  });
});

describe('a sync area that keeps filling up, randomised', () => {
  it('three devices on a 7-item, 2,500-byte area settle, and keep the latest change of each claim where it was made', async () => {
    const runs: RunSummary[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 30, maxLength: 90 }), fc.nat(), fc.boolean(), async (ops, seed, keepLocal) => {
        runs.push(await runScenario(ops, seed, keepLocal ? 'keep-local' : 'remote-wins', { maxItems: 7, quotaBytes: 2_500 }));
      }),
      { seed: 512, numRuns: 60, endOnFailure: true },
    );
    const sum = (field: 'ops' | 'writeCalls' | 'localOnly') => runs.reduce((total, run) => total + run[field], 0);
    console.log(
      `Tiny sync area (7 items, 2,500 bytes), 3 devices: ${runs.length} runs, ${sum('ops')} operations, ${sum('writeCalls')} sync writes; ${sum('localOnly')} claims left local-only at the end (all still shown where saved); no run failed to settle`,
    );
    expect(runs).toHaveLength(60);
  });
});

function START_OF(area: SimulatedSyncArea): number {
  return area.writeLog[0]!.at;
}

// Two (or three) devices, each with its own local copy and its own copy of the sync
// area, joined by a simulated Chrome Sync that delivers late, out of order and in
// batches. Whatever the order, every device must end with the same saved claims —
// nothing lost, nothing removed coming back.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { claimKey } from '../../lib/sync/format';
import { SimulatedSyncNetwork } from './helpers/simulated-sync-area';
import { addDevice, claimInput, FakeClock, idle, settle, visible } from './sync-harness';
import { opArbitrary, runScenario, type RunSummary } from './sync-scenario';

const DAY = 86_400_000;

async function twoDevices(seed: number, conflicts: 'remote-wins' | 'keep-local' = 'remote-wins', skewB = -20_000) {
  const clock = new FakeClock();
  const network = new SimulatedSyncNetwork({ seed, conflicts });
  const a = await addDevice(network, clock, 'A');
  const b = await addDevice(network, clock, 'B', { skewMs: skewB });
  return { clock, network, a, b };
}

describe('saved claims on two devices', () => {
  it('concurrent saves on both sides end on both, and the same claim saved twice is one claim', async () => {
    for (const seed of [1, 2, 3]) {
      const { clock, network, a, b } = await twoDevices(seed);
      await a.engine.save(claimInput(1));
      await b.engine.save(claimInput(2));
      network.step();
      await a.engine.flush();
      await a.engine.save(claimInput(3));
      await b.engine.save(claimInput(1)); // the same sentence from the same article
      network.step();
      await b.engine.flush();
      await b.engine.save(claimInput(4));
      await settle(network, [a, b], clock);
      expect(visible(a)).toEqual(visible(b));
      expect(visible(a).map((claim) => claim.text).sort()).toEqual([1, 2, 3, 4].map((n) => claimInput(n).text).sort());
      expect(a.engine.status()).toMatchObject({ state: 'synced', message: 'All 4 saved claims are synced.' });
    }
  });

  it('the same claim annotated on both: the later note wins on both, whatever the delivery order', async () => {
    for (const seed of [11, 12, 13, 14]) {
      const { clock, network, a, b } = await twoDevices(seed, 'remote-wins', 0);
      const { claim } = await a.engine.save(claimInput(5));
      await settle(network, [a, b], clock);
      await a.engine.update(claim.id, { note: 'Seoul figure, check against Pentagon' });
      clock.advance(1_000);
      await b.engine.update(claim.id, { note: 'Pentagon says 10,000; NIS 12,000' });
      // Both write before either hears of the other.
      await a.engine.flush();
      await b.engine.flush();
      await settle(network, [a, b], clock);
      expect(a.engine.get(claim.id)?.note).toBe('Pentagon says 10,000; NIS 12,000');
      expect(b.engine.get(claim.id)?.note).toBe('Pentagon says 10,000; NIS 12,000');
    }
  });

  it('annotated on one device while removed on the other: the later of the two wins everywhere', async () => {
    // Removal after the note: the claim goes.
    {
      const { clock, network, a, b } = await twoDevices(21, 'remote-wins', 0);
      const { claim } = await a.engine.save(claimInput(6));
      await settle(network, [a, b], clock);
      await b.engine.update(claim.id, { note: 'keep for the follow-up piece' });
      clock.advance(2_000);
      await a.engine.remove(claim.id);
      await settle(network, [a, b], clock);
      expect(a.engine.get(claim.id)).toBeNull();
      expect(b.engine.get(claim.id)).toBeNull();
    }
    // Note after the removal (B had not heard of it): the claim stays, with the note.
    {
      const { clock, network, a, b } = await twoDevices(22, 'remote-wins', 0);
      const { claim } = await a.engine.save(claimInput(6));
      await settle(network, [a, b], clock);
      await a.engine.remove(claim.id);
      clock.advance(2_000);
      await b.engine.update(claim.id, { note: 'still relevant: Kursk deployment' });
      await settle(network, [a, b], clock);
      expect(a.engine.get(claim.id)?.note).toBe('still relevant: Kursk deployment');
      expect(visible(a)).toEqual(visible(b));
    }
  });

  it('a removal is not undone by an older edit that reaches the server after it', async () => {
    const { clock, network, a, b } = await twoDevices(31, 'keep-local', -120_000);
    const { claim } = await a.engine.save(claimInput(7));
    await settle(network, [a, b], clock);

    network.setOnline('B', false);
    await b.engine.update(claim.id, { note: 'edited offline on the train' });
    await b.engine.flush();
    clock.advance(30_000);
    await a.engine.remove(claim.id);
    await a.engine.flush();
    network.drain(); // A's tombstone reaches the server while B is away
    expect(network.serverSnapshot()[claimKey(claim.id)]).toMatchObject({ z: 1 });

    network.setOnline('B', true);
    let sawStaleEditOnServer = false;
    while (network.inFlight() > 0) {
      network.step();
      const onServer = network.serverSnapshot()[claimKey(claim.id)] as { n?: string } | undefined;
      if (onServer?.n === 'edited offline on the train') sawStaleEditOnServer = true;
    }
    expect(sawStaleEditOnServer).toBe(true); // the stale edit did overwrite the tombstone on the server…
    await settle(network, [a, b], clock);
    // …and was overruled: removed on both devices and on the server.
    expect(a.engine.get(claim.id)).toBeNull();
    expect(b.engine.get(claim.id)).toBeNull();
    expect(network.serverSnapshot()[claimKey(claim.id)]).toMatchObject({ z: 1 });
    expect(a.engine.status().state).toBe('synced');
    expect(b.engine.status().state).toBe('synced');
  });

  it('after the tombstone is collected, an edit from a device away for three weeks still cannot bring the claim back', async () => {
    const { clock, network, a, b } = await twoDevices(41, 'keep-local', -60_000);
    const { claim } = await a.engine.save(claimInput(8));
    const kept = await a.engine.save(claimInput(9));
    await settle(network, [a, b], clock);

    network.setOnline('B', false);
    await b.engine.update(claim.id, { note: 'stale note from the laptop' });
    await b.engine.flush();
    clock.advance(60_000);
    await a.engine.remove(claim.id);
    await a.engine.flush();
    network.drain();
    clock.advance(15 * DAY); // past the 14-day tombstone lifetime
    await a.engine.flush(); // collects: the tombstone item goes, the graveyard remembers
    network.drain();
    const server = network.serverSnapshot();
    expect(server[claimKey(claim.id)]).toBeUndefined();
    expect(JSON.stringify(Object.entries(server).filter(([key]) => key.startsWith('g:')))).toContain(claim.id);

    clock.advance(6 * DAY);
    network.setOnline('B', true);
    await settle(network, [a, b], clock);
    expect(a.engine.get(claim.id)).toBeNull();
    expect(b.engine.get(claim.id)).toBeNull();
    expect(network.serverSnapshot()[claimKey(claim.id)]).toBeUndefined();
    expect(visible(a)).toEqual(visible(b));
    expect(visible(b).map((c) => c.id)).toEqual([kept.claim.id]);
  });

  it('a claim too long for one sync item reaches the other device shortened; the saving device keeps it whole', async () => {
    const { clock, network, a, b } = await twoDevices(51);
    const longNote = `Timeline: ${'NIS briefing, Pentagon briefing, Kremlin denial. '.repeat(400)}end.`;
    const { claim } = await a.engine.save(claimInput(10, { note: longNote }));
    await settle(network, [a, b], clock);
    expect(a.engine.get(claim.id)?.note === longNote).toBe(true); // (not printed: 19 KB)
    expect(a.engine.get(claim.id)?.syncNote).toMatch(/other devices see a shortened note/);
    const onB = b.engine.get(claim.id)!;
    expect(onB.note.length).toBeLessThan(longNote.length);
    expect(onB.note.endsWith('…')).toBe(true);
    expect(onB.syncNote).toMatch(/Shortened by sync: the full note is on the device where it was written/);

    await b.engine.update(claim.id, { note: 'Summary: figures differ by source' });
    await settle(network, [a, b], clock);
    expect(a.engine.get(claim.id)?.note).toBe('Summary: figures differ by source');
    expect(a.engine.get(claim.id)?.text).toBe(claimInput(10).text);
    expect(visible(a)).toEqual(visible(b));
  });

  it('garbage and newer-format items from another device are ignored with a logged reason', async () => {
    const { clock, network, a, b } = await twoDevices(61);
    const { claim } = await a.engine.save(claimInput(11));
    await settle(network, [a, b], clock);
    b.area.applyRemote(
      new Map<string, unknown>([
        ['c:zz1', { v: 1, u: 'not a clock', l: 'x' }],
        ['c:zz2', 'just a string'],
        ['c:zz3', { v: 9, whatever: true }],
        ['g:1', { v: 1, e: 42 }],
      ]),
    );
    await idle([a, b]);
    const reasons = b.logs.filter((entry) => entry.level === 'warn').map((entry) => entry.message);
    expect(reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/c:zz1: "u" is not a clock/),
        expect.stringMatching(/c:zz2: expected an object, got a string|c:zz2: expected an object, got "just a string"/),
        expect.stringMatching(/c:zz3: format version 9 is newer/),
        expect.stringMatching(/g:1: "e" must be a string/),
      ]),
    );
    expect(visible(b)).toEqual([{ id: claim.id, text: claimInput(11).text, note: '' }]);

    // A device with a newer format announces it in `meta`: this one keeps reading, stops writing.
    b.area.applyRemote(new Map([['meta', { v: 2 }]]));
    await idle([b]);
    expect(b.engine.status()).toMatchObject({ state: 'unsupported-format' });
    expect(b.engine.status().message).toMatch(/newer sync format\. Update Crosscheck on this device/);
    const writesBefore = b.area.writeLog.length;
    await b.engine.save(claimInput(12));
    await b.engine.flush();
    expect(b.area.writeLog.length).toBe(writesBefore);
    expect(b.engine.list()).toHaveLength(2); // saved here all the same
  });
});

// ---------------------------------------------------------------------------
// Randomised: three devices, many operations, any interleaving (sync-scenario.ts).

describe('saved claims on three devices, randomised', () => {
  it('converge to the last-writer-wins result for any sequence of saves, notes, removals, delays and collections', async () => {
    const summaries: RunSummary[] = [];
    await fc.assert(
      fc.asyncProperty(fc.array(opArbitrary, { minLength: 30, maxLength: 90 }), fc.nat(), fc.boolean(), async (ops, networkSeed, keepLocal) => {
        summaries.push(await runScenario(ops, networkSeed, keepLocal ? 'keep-local' : 'remote-wins'));
      }),
      { seed: Number(process.env.SYNC_SEED ?? 20241021), numRuns: Number(process.env.SYNC_RUNS ?? 100), endOnFailure: true },
    );
    const total = (field: keyof Omit<RunSummary, 'byKind'>) => summaries.reduce((sum, run) => sum + run[field], 0);
    const kinds: Record<string, number> = {};
    for (const run of summaries) for (const [kind, n] of Object.entries(run.byKind)) kinds[kind] = (kinds[kind] ?? 0) + n;
    console.log(
      [
        'Randomised sync runs (3 devices, skews 0 / -90 s / +45 s, late + out-of-order + batched delivery)',
        `  runs ${summaries.length}, operations ${total('ops')} (${Object.entries(kinds).map(([kind, n]) => `${kind} ${n}`).join(', ')})`,
        `  network: ${total('uploads')} item commits, ${total('downloads')} item deliveries in ${total('batches')} batches, ${total('staleDropped')} stale deliveries dropped, ${total('overridden')} local changes overridden by the server, ${total('ignored')} server changes ignored for a local one`,
        `  sync writes (set/remove calls, all devices): ${total('writeCalls')}`,
        `  final: ${total('live')} live claims, ${total('removed')} claims removed; every device equal to the last-writer-wins oracle in ${summaries.length}/${summaries.length} runs`,
      ].join('\n'),
    );
    expect(summaries.length).toBe(Number(process.env.SYNC_RUNS ?? 100));
  });
});

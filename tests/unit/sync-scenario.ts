// A randomised scenario for the sync tests: three devices with skewed clocks on a
// simulated network, a sequence of operations, then a check of every device
// against a last-writer-wins oracle built from the clocks of all changes made.

import { expect } from 'vitest';
import fc from 'fast-check';
import { compareHlc, formatHlc, type Hlc } from '../../lib/sync/clock';
import type { SyncLimits } from '../../lib/sync/limits';
import { SimulatedSyncNetwork } from './helpers/simulated-sync-area';
import { addDevice, claimInput, FakeClock, idle, settle, visible, type Device } from './sync-harness';

const DAY = 86_400_000;

export type Op =
  | { kind: 'save'; device: number; claim: number }
  | { kind: 'note'; device: number; pick: number; note: string }
  | { kind: 'remove'; device: number; pick: number }
  | { kind: 'deliver'; steps: number }
  | { kind: 'flush'; device: number }
  | { kind: 'offline'; device: number }
  | { kind: 'online'; device: number }
  | { kind: 'wait'; ms: number }
  | { kind: 'collect'; device: number };

const device = fc.nat(2);
export const opArbitrary: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('save' as const), device, claim: fc.nat(11) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('note' as const), device, pick: fc.nat(20), note: fc.constantFrom('check', 'NIS says 12,000', 'Kremlin denies', 'follow up', '') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('remove' as const), device, pick: fc.nat(20) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('deliver' as const), steps: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('flush' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('offline' as const), device }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('online' as const), device }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.constantFrom(500, 5_000, 60_000, 15 * DAY) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('collect' as const), device }) },
);

export interface RunSummary {
  ops: number;
  byKind: Record<string, number>;
  uploads: number;
  downloads: number;
  batches: number;
  staleDropped: number;
  overridden: number;
  ignored: number;
  writeCalls: number;
  live: number;
  localOnly: number;
  removed: number;
}

/**
 * Runs `ops` on three devices, lets everything settle, and checks the result.
 * With the browser's real limits every device must equal the last-writer-wins oracle.
 * With `limits` small enough that sync fills up, devices cannot all agree (some claims
 * stay on one device); then the checks are: everything settles (no write loop), the
 * device that made the latest change to a claim still shows exactly that, and a claim
 * shown as synced is in sync at that very version.
 */
export async function runScenario(
  ops: Op[],
  networkSeed: number,
  conflicts: 'remote-wins' | 'keep-local',
  limits?: Partial<SyncLimits>,
): Promise<RunSummary> {
  const clock = new FakeClock();
  const network = new SimulatedSyncNetwork({ seed: networkSeed, conflicts });
  const skews = [0, -90_000, 45_000];
  const devices: Device[] = [];
  for (let i = 0; i < 3; i += 1) devices.push(await addDevice(network, clock, `D${i}`, { skewMs: skews[i], limits }));
  // Oracle: every change any device made, with its clock. Last-writer-wins means the
  // final state of each claim is its change with the greatest clock.
  const changes = new Map<string, { at: Hlc; deleted: boolean; note: string; text: string; by: Device }>();
  const record = (dev: Device, id: string, note: string, text: string) => {
    const change = dev.engine.lastChange(id)!;
    const known = changes.get(id);
    if (!known || compareHlc(change.updatedAt, known.at) > 0) changes.set(id, { at: change.updatedAt, deleted: change.deleted, note, text, by: dev });
  };
  const byKind: Record<string, number> = {};
  for (const op of ops) {
    byKind[op.kind] = (byKind[op.kind] ?? 0) + 1;
    clock.advance(200);
    switch (op.kind) {
      case 'save': {
        const dev = devices[op.device]!;
        const input = claimInput(op.claim);
        const { claim, created } = await dev.engine.save(input);
        if (created) record(dev, claim.id, '', input.text);
        break;
      }
      case 'note': {
        const dev = devices[op.device]!;
        const list = dev.engine.list();
        const target = list[op.pick % Math.max(1, list.length)];
        if (!target) break;
        const before = dev.engine.lastChange(target.id)!;
        const updated = await dev.engine.update(target.id, { note: op.note });
        if (updated && compareHlc(dev.engine.lastChange(target.id)!.updatedAt, before.updatedAt) > 0) record(dev, target.id, op.note, target.text);
        break;
      }
      case 'remove': {
        const dev = devices[op.device]!;
        const list = dev.engine.list();
        const target = list[op.pick % Math.max(1, list.length)];
        if (target && (await dev.engine.remove(target.id))) record(dev, target.id, '', target.text);
        break;
      }
      case 'deliver':
        for (let i = 0; i < op.steps; i += 1) network.step();
        await idle(devices);
        break;
      case 'flush':
        await devices[op.device]!.engine.flush();
        break;
      case 'offline':
        network.setOnline(`D${op.device}`, false);
        break;
      case 'online':
        network.setOnline(`D${op.device}`, true);
        break;
      case 'wait':
        clock.advance(op.ms);
        break;
      case 'collect':
        await devices[op.device]!.engine.collectTombstones({ force: true });
        break;
    }
  }
  for (let i = 0; i < 3; i += 1) network.setOnline(`D${i}`, true);
  await settle(network, devices, clock);

  const expected = [...changes]
    .filter(([, change]) => !change.deleted)
    .map(([id, change]) => ({ id, text: change.text, note: change.note }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const server = network.serverSnapshot();
  let localOnly = 0;
  for (const dev of devices) {
    if (!limits) {
      expect(visible(dev)).toEqual(expected); // nothing lost, nothing resurrected
      expect(dev.engine.status().state).toBe('synced');
      expect(dev.area.snapshot()).toEqual(server); // every copy of the sync area agrees with the server
      continue;
    }
    expect(['synced', 'quota-full', 'too-large']).toContain(dev.engine.status().state);
    localOnly += dev.engine.status().localOnlyCount;
    for (const claim of dev.engine.list()) {
      if (claim.synced) expect((server[`c:${claim.id}`] as { u?: string } | undefined)?.u).toBe(formatHlc(claim.updatedAt));
    }
  }
  if (limits) {
    for (const [id, change] of changes) {
      const shown = change.by.engine.get(id);
      if (change.deleted) expect(shown).toBeNull();
      else expect(shown && { text: shown.text, note: shown.note }).toEqual({ text: change.text, note: change.note });
    }
  }
  return {
    ops: ops.length,
    byKind,
    uploads: network.stats.uploads,
    downloads: network.stats.downloads,
    batches: network.stats.batches,
    staleDropped: network.stats.staleDropped,
    overridden: network.stats.localChangesOverridden,
    ignored: network.stats.remoteChangesIgnored,
    writeCalls: devices.reduce((sum, dev) => sum + dev.area.writeLog.length, 0),
    live: expected.length,
    localOnly,
    removed: [...changes.values()].filter((change) => change.deleted).length,
  };
}


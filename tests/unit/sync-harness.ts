// Shared set-up for the saved-claims sync tests: a fake clock, devices (engine +
// local store + simulated sync area) on a simulated network, and a loop that lets
// everything settle.

import { SavedClaimsSync, type SavedClaimsSyncOptions, type SyncLogEntry } from '../../lib/sync/engine';
import type { SaveClaimInput } from '../../lib/sync/engine';
import { MemoryLocalStore } from './helpers/memory-local-store';
import { SimulatedSyncArea, SimulatedSyncNetwork } from './helpers/simulated-sync-area';
import type { SyncLimits } from '../../lib/sync/limits';

export const START = Date.UTC(2024, 9, 21, 9, 0);

export class FakeClock {
  constructor(public time = START) {}
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Device {
  name: string;
  engine: SavedClaimsSync;
  area: SimulatedSyncArea;
  local: MemoryLocalStore;
  logs: SyncLogEntry[];
  /** Wall-clock offset of this device from the fake clock (ms). */
  skewMs: number;
}

export async function addDevice(
  network: SimulatedSyncNetwork,
  clock: FakeClock,
  name: string,
  options: { skewMs?: number; limits?: Partial<SyncLimits>; policy?: SavedClaimsSyncOptions['policy'] } = {},
): Promise<Device> {
  const skewMs = options.skewMs ?? 0;
  const now = () => clock.time + skewMs;
  const area = network.addDevice(name, { now, limits: options.limits });
  return startDevice(name, area, clock, { ...options, skewMs });
}

export async function startDevice(
  name: string,
  area: SimulatedSyncArea,
  clock: FakeClock,
  options: { skewMs?: number; limits?: Partial<SyncLimits>; policy?: SavedClaimsSyncOptions['policy']; local?: MemoryLocalStore } = {},
): Promise<Device> {
  const skewMs = options.skewMs ?? 0;
  const logs: SyncLogEntry[] = [];
  const local = options.local ?? new MemoryLocalStore();
  const engine = new SavedClaimsSync({
    area,
    local,
    deviceId: `dev${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`.padEnd(4, '0').slice(0, 16),
    now: () => clock.time + skewMs,
    limits: options.limits,
    policy: options.policy,
    log: (entry) => logs.push(entry),
  });
  await engine.start();
  return { name, engine, area, local, logs, skewMs };
}

/** Lets changes reach every device and every device write back what it must, until nothing moves. */
export async function settle(network: SimulatedSyncNetwork, devices: Device[], clock: FakeClock, maxRounds = 200): Promise<number> {
  for (let round = 1; round <= maxRounds; round += 1) {
    await idle(devices);
    network.drain();
    await idle(devices);
    clock.advance(10_000); // the write budget refills one write per 4 s
    for (const device of devices) await device.engine.flush();
    await idle(devices);
    const waiting = devices.some((device) => device.engine.nextFlushAt() !== null);
    if (network.inFlight() === 0 && !waiting) return round;
  }
  throw new Error(`Devices did not settle in ${maxRounds} rounds`);
}

export async function idle(devices: Device[]): Promise<void> {
  for (let i = 0; i < 3; i += 1) for (const device of devices) await device.engine.whenIdle();
}

/** A claim a reader could save from an article about North Korean troops in Russia. */
export function claimInput(n: number, overrides: Partial<SaveClaimInput> = {}): SaveClaimInput {
  const figures = ['1,500', '3,000', '10,000', '11,000', '12,000'];
  const outlets = ['reuters.com/world', 'apnews.com/article', 'bbc.com/news/articles', 'yna.co.kr/view', 'kyivindependent.com'];
  return {
    url: `https://www.${outlets[n % outlets.length]}/north-korea-troops-russia-${n}`,
    title: `North Korean troops in Russia: report ${n}`,
    text: `About ${figures[n % figures.length]} North Korean soldiers were moved to Russia, according to source ${n}.`,
    stance: { corroborates: n % 3, conflicts: n % 2, summary: n % 2 ? `1 conflicting: ${figures[n % figures.length]} vs 12,000 troops` : 'agrees' },
    ...overrides,
  };
}

/** What a reader would compare between devices: the claims and their notes. */
export function visible(device: Device): Array<{ id: string; text: string; note: string }> {
  return device.engine
    .list()
    .map((claim) => ({ id: claim.id, text: claim.text, note: claim.note }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

// A hybrid logical clock (HLC): wall-clock milliseconds plus a counter, plus the
// device that ticked it as the final tie-break. It orders every change to a saved
// claim the same way on every device:
//   - a device's own clock never goes backwards (persisted, and it never steps
//     below what it has already issued or seen),
//   - a change made after seeing another change is always ordered after it, even
//     when the two devices' wall clocks disagree (causality beats clock skew),
//   - changes that did not see each other are ordered by wall time, so "last
//     writer wins" matches what the reader did last in almost every case.

export interface Hlc {
  /** Epoch milliseconds (the largest wall time seen when the change was made). */
  readonly wall: number;
  /** Distinguishes changes within the same `wall` millisecond. */
  readonly count: number;
  /** Device id: the tie-break between devices, and who made the change. */
  readonly device: string;
}

/** Device ids are short lowercase base-36 strings: they are part of every clock written to sync. */
export const DEVICE_ID_PATTERN = /^[0-9a-z]{4,16}$/;
export const DEVICE_ID_LENGTH = 8;
/** A clock beyond this is garbage from a broken device, not a time (1 January 2200). */
export const MAX_PLAUSIBLE_WALL_MS = Date.UTC(2200, 0, 1);
/** Six base-36 digits. */
export const MAX_HLC_COUNT = 36 ** 6 - 1;

const HLC_TEXT = /^([0-9a-z]{1,9})\.([0-9a-z]{1,6})\.([0-9a-z]{4,16})$/;

/** Compact text form used in sync items: `<wall base36>.<count base36>.<device>`. */
export function formatHlc(clock: Hlc): string {
  return `${clock.wall.toString(36)}.${clock.count.toString(36)}.${clock.device}`;
}

/** Parses the text form; null for anything that is not a well-formed, plausible clock. */
export function parseHlc(text: unknown): Hlc | null {
  if (typeof text !== 'string') return null;
  const match = HLC_TEXT.exec(text);
  if (!match) return null;
  const wall = parseInt(match[1]!, 36);
  const count = parseInt(match[2]!, 36);
  if (!Number.isSafeInteger(wall) || wall > MAX_PLAUSIBLE_WALL_MS) return null;
  // Reject non-canonical spellings ("0a" for "a"): two spellings of one clock would
  // make identical items look different.
  if (wall.toString(36) !== match[1] || count.toString(36) !== match[2]) return null;
  return { wall, count, device: match[3]! };
}

/** Total order: wall, then count, then device id. */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.count !== b.count) return a.count < b.count ? -1 : 1;
  if (a.device !== b.device) return a.device < b.device ? -1 : 1;
  return 0;
}

export function isValidHlc(value: unknown): value is Hlc {
  if (typeof value !== 'object' || value === null) return false;
  const clock = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(clock.wall) &&
    (clock.wall as number) >= 0 &&
    (clock.wall as number) <= MAX_PLAUSIBLE_WALL_MS &&
    Number.isSafeInteger(clock.count) &&
    (clock.count as number) >= 0 &&
    (clock.count as number) <= MAX_HLC_COUNT &&
    typeof clock.device === 'string' &&
    DEVICE_ID_PATTERN.test(clock.device)
  );
}

/** A fresh random device id (8 base-36 characters, about 41 bits). */
export function newDeviceId(random: () => number = Math.random): string {
  let id = '';
  while (id.length < DEVICE_ID_LENGTH) id += Math.floor(random() * 36).toString(36);
  return id;
}

/** The clock of one device. */
export class HybridClock {
  private latest: { wall: number; count: number };

  constructor(
    readonly device: string,
    private readonly now: () => number,
    restored: Hlc | null = null,
  ) {
    if (!DEVICE_ID_PATTERN.test(device)) throw new Error(`Invalid device id "${device}": expected 4–16 of [0-9a-z]`);
    this.latest = restored ? { wall: restored.wall, count: restored.count } : { wall: 0, count: 0 };
  }

  /** The clock for a change made now on this device: greater than anything issued or observed so far. */
  tick(): Hlc {
    const wall = Math.max(this.latest.wall, safeWall(this.now()));
    let count = wall === this.latest.wall ? this.latest.count + 1 : 0;
    let nextWall = wall;
    if (count > MAX_HLC_COUNT) {
      // Sixty million changes in one millisecond is not a real workload; step the wall instead.
      nextWall = wall + 1;
      count = 0;
    }
    this.latest = { wall: nextWall, count };
    return { wall: nextWall, count, device: this.device };
  }

  /** Takes note of a clock seen on another device's change, so later local changes order after it. */
  observe(remote: Hlc): void {
    if (remote.wall > this.latest.wall || (remote.wall === this.latest.wall && remote.count > this.latest.count)) {
      this.latest = { wall: remote.wall, count: remote.count };
    }
  }

  /** The latest clock issued or observed, for persisting across restarts. */
  snapshot(): Hlc {
    return { wall: this.latest.wall, count: this.latest.count, device: this.device };
  }
}

function safeWall(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) return 0;
  return Math.min(Math.floor(ms), MAX_PLAUSIBLE_WALL_MS);
}

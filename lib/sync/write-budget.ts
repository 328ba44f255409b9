// A token bucket that keeps sync writes inside the browser's write-rate limits.
// Chrome refuses a set/remove beyond 120 per minute or 1,800 per hour (counted per
// call, however many keys it carries). The bucket holds at most `capacity` tokens and
// gains one every `refillMs`, so over any window of T ms at most
// capacity + T / refillMs writes go out. With Chrome's limits and the default
// policy (half the allowance, bursts of 10): refillMs = 4 s, capacity = 10, i.e. at
// most 25 writes in any minute and 910 in any hour.

import type { SyncLimits, SyncPolicy } from './limits';

export interface WriteBudgetState {
  tokens: number;
  /** Epoch ms of the last refill. */
  at: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

export function deriveWriteBudget(limits: SyncLimits, policy: SyncPolicy): { capacity: number; refillMs: number } {
  const perHour = Math.max(1, Math.floor(limits.maxWriteOperationsPerHour * policy.writeBudgetShare));
  const refillMs = Math.ceil(HOUR_MS / perHour);
  const perMinute = Math.floor(limits.maxWriteOperationsPerMinute * policy.writeBudgetShare);
  const capacity = Math.max(1, Math.min(policy.maxBurstWrites, perMinute - Math.ceil(MINUTE_MS / refillMs)));
  return { capacity, refillMs };
}

export class WriteBudget {
  readonly capacity: number;
  readonly refillMs: number;
  private tokens: number;
  private at: number;

  constructor(limits: SyncLimits, policy: SyncPolicy, now: number, restored: WriteBudgetState | null = null) {
    ({ capacity: this.capacity, refillMs: this.refillMs } = deriveWriteBudget(limits, policy));
    const valid = restored && Number.isFinite(restored.tokens) && Number.isFinite(restored.at);
    this.tokens = valid ? Math.min(this.capacity, restored.tokens) : this.capacity;
    this.at = valid ? restored.at : now;
  }

  /** Takes one write if one is available now. */
  tryTake(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  available(now: number): number {
    this.refill(now);
    return Math.floor(Math.max(0, this.tokens));
  }

  /** When the next write becomes available (now, if one is). */
  nextAvailableAt(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? now : now + Math.ceil((1 - this.tokens) * this.refillMs);
  }

  /** The browser refused a write for its rate limit: send nothing before `until`. */
  exhaust(now: number, until: number): void {
    this.refill(now);
    this.tokens = Math.min(this.tokens, 1 - Math.max(0, until - now) / this.refillMs);
  }

  snapshot(): WriteBudgetState {
    return { tokens: this.tokens, at: this.at };
  }

  private refill(now: number): void {
    if (now <= this.at) {
      // A clock that went backwards earns nothing, and must not block the bucket for long.
      this.at = Math.min(this.at, now);
      return;
    }
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.at) / this.refillMs);
    this.at = now;
  }
}

// The background's saved claims: one SavedClaimsSync engine (lib/sync) over the
// browser's storage.sync and storage.local, started once per service-worker life, and
// the handlers of the 'claims/*' requests.
//
// An MV3 service worker wakes for a message or a storage change and sleeps again after
// about 30 s. Its timers die with it, but the engine keeps every unwritten change in
// storage.local and flushes it when start() runs on the next wake. Every handler awaits
// that start before it touches the engine, so a message that woke the worker is
// answered from the loaded claims, never from an empty engine.

import type { Handlers } from '../../adapters/messaging';
import { privateLocalClaimsStore } from '../../adapters/local-claims-store';
import { browserSyncArea } from '../../adapters/sync-area';
import type { BackgroundRequests, ClaimsQuery, SavedClaimsChange } from '../../lib/protocol';
import { SavedClaimsSync, type FlushScheduler, type SavedClaimsEvent, type SavedClaimsSyncOptions, type SavedClaimView } from '../../lib/sync';

/** setTimeout as the engine's flush scheduler: a flush lost to the worker's sleep runs at the next start(). */
export const timeoutScheduler: FlushScheduler = {
  schedule(delayMs, run) {
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  },
};

/** The engine over this browser's storage. Tests pass smaller limits or their own clock. */
export function createSavedClaimsSync(options: Partial<SavedClaimsSyncOptions> = {}): SavedClaimsSync {
  return new SavedClaimsSync({ area: browserSyncArea(), local: privateLocalClaimsStore(), scheduler: timeoutScheduler, ...options });
}

/** The engine's events as the broadcast open pages follow; the status rides along. */
export function changeOf(event: SavedClaimsEvent, sync: SavedClaimsSync): SavedClaimsChange {
  return event.type === 'claims-changed'
    ? { kind: 'claims', origin: event.origin, ids: event.ids, status: sync.status() }
    : { kind: 'status', status: event.status };
}

/** Starts the engine at most once, on the first request that needs it; a failed start is tried again next time. */
export class SavedClaims {
  private starting: Promise<SavedClaimsSync> | null = null;

  constructor(
    private readonly create: () => SavedClaimsSync,
    private readonly onChange: (change: SavedClaimsChange) => void = () => undefined,
  ) {}

  ready(): Promise<SavedClaimsSync> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<SavedClaimsSync> {
    const sync = this.create();
    // Subscribed before start(): what start() merges from sync reaches open pages too.
    const unsubscribe = sync.subscribe((event) => this.onChange(changeOf(event, sync)));
    try {
      await sync.start();
    } catch (error) {
      unsubscribe();
      sync.stop();
      throw error;
    }
    return sync;
  }
}

function withoutFragment(url: string): string {
  return url.trim().replace(/#.*$/s, '');
}

function filtered(sync: SavedClaimsSync, request: ClaimsQuery | null): SavedClaimView[] {
  const found = request?.query?.trim() ? sync.search(request.query) : sync.list();
  if (!request?.url) return found;
  const article = withoutFragment(request.url);
  return found.filter((claim) => withoutFragment(claim.url) === article);
}

/**
 * The 'claims/*' requests. Bad input makes the engine throw a SavedClaimsInputError,
 * whose sentence ("The claim text is empty.") reaches the caller as the Result's error
 * (adapters/messaging turns a thrown error into one).
 */
export function createSavedClaimsHandlers(claims: SavedClaims): Handlers<BackgroundRequests> {
  return {
    'claims/save': async (input) => (await claims.ready()).save(input),
    'claims/list': async (request) => filtered(await claims.ready(), request),
    'claims/update': async ({ id, note }) => {
      const updated = await (await claims.ready()).update(id, { note });
      if (!updated) throw new Error('This claim is no longer saved: it may have been removed on another device.');
      return updated;
    },
    'claims/remove': async ({ id }) => ({ removed: await (await claims.ready()).remove(id) }),
    'claims/export': async ({ format }) => {
      const sync = await claims.ready();
      if (format === 'json') return sync.exportJson();
      if (format === 'markdown') return sync.exportMarkdown();
      throw new Error(`Saved claims export as "json" or "markdown", not ${JSON.stringify(format)}.`);
    },
    'claims/import': async ({ text }) => {
      const result = await (await claims.ready()).importJson(text);
      if (!result.ok) throw new Error(result.error);
      return { added: result.added, alreadySaved: result.alreadySaved, skipped: result.skipped };
    },
    'claims/status': async () => (await claims.ready()).status(),
  };
}

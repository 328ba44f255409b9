// The reader's settings, kept by the background in its IndexedDB (adapters/private-db.ts):
// the list of paused sites is the reader's own, and storage.local, where earlier versions
// kept it, is readable by content scripts. A content script asks the background what
// applies to its page ('page/settings'); pages and content scripts never read these.
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type RememberReading, type Settings } from '../lib/protocol';
import { privateDb, type PrivateDB } from './private-db';

const SETTINGS_KEY = 'settings';
/** Where earlier versions kept the settings (storage.local). */
export const LEGACY_SETTINGS_KEY = 'settings';

async function storedSettings(): Promise<Partial<Settings> | undefined> {
  const row = await privateDb().kv.get(SETTINGS_KEY);
  if (row) return row.value as Partial<Settings>;
  // Moved once from storage.local, then removed there.
  const legacy = (await browser.storage.local.get(LEGACY_SETTINGS_KEY))[LEGACY_SETTINGS_KEY] as Partial<Settings> | undefined;
  if (legacy && typeof legacy === 'object') {
    await privateDb().kv.put({ key: SETTINGS_KEY, value: sanitiseSettings({ ...DEFAULT_SETTINGS, ...legacy }) });
    await browser.storage.local.remove([LEGACY_SETTINGS_KEY, `${LEGACY_SETTINGS_KEY}$`]);
    return legacy;
  }
  return undefined;
}

/**
 * The settings as last read or written, with the connection they came from. Every page a
 * reader opens asks for them ('page/settings', before its quick check) and an article asks
 * again for its probe and its reading: each an IndexedDB read in the service worker, on the
 * sidebar's critical path. Only this module writes them (the background owns the database),
 * so the copy cannot fall behind; another connection (a test's fresh database) reads again.
 */
let known: { db: PrivateDB; settings: Promise<Settings> } | null = null;

export function readSettings(): Promise<Settings> {
  const db = privateDb();
  if (known?.db !== db) {
    const settings = storedSettings().then((stored) => ({ ...DEFAULT_SETTINGS, ...stored }));
    const entry = { db, settings };
    known = entry;
    // A failed read is not remembered: the next request reads again.
    settings.catch(() => {
      if (known === entry) known = null;
    });
  }
  return known.settings.then(copyOf);
}

/** A copy for each caller: what one request does with its settings never reaches another's. */
const copyOf = (s: Settings): Settings => ({ ...s, pausedSites: [...s.pausedSites] });

// Every update reads, merges and writes. Two updates in flight at once (two slider steps, the
// popup and the options page) would each read the same old value, and whichever write ended
// last would win, dropping the other's change or restoring a stale one. Updates therefore run
// one after another, in the order they were asked for: the last change asked for is the one
// that stays.
let updates: Promise<unknown> = Promise.resolve();

export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = updates.then(async () => {
    const next = sanitiseSettings({ ...(await readSettings()), ...patch });
    const db = privateDb();
    await db.kv.put({ key: SETTINGS_KEY, value: next });
    known = { db, settings: Promise.resolve(next) };
    return copyOf(next);
  });
  updates = run.catch(() => undefined);
  return run;
}

const REMEMBER_READING: readonly RememberReading[] = ['unasked', 'on', 'off'];

function sanitiseSettings(s: Settings): Settings {
  const sensitivity = Number.isFinite(s.sensitivity) ? Math.min(1, Math.max(0, s.sensitivity)) : DEFAULT_SETTINGS.sensitivity;
  const pausedSites = [...new Set((Array.isArray(s.pausedSites) ? s.pausedSites : []).filter((h) => typeof h === 'string' && h.length > 0 && h.length < 256))].sort();
  const rememberReading = REMEMBER_READING.includes(s.rememberReading) ? s.rememberReading : DEFAULT_SETTINGS.rememberReading;
  return { sensitivity, pausedSites, sidebarCollapsed: Boolean(s.sidebarCollapsed), rememberReading };
}

export { siteOf } from '../lib/site';

// The reader's settings, declared once with a type, a fallback and a version so that a
// later shape migrates instead of breaking. Extension storage: pages cannot read it.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from '../lib/protocol';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

// Every update reads, merges and writes. Two updates in flight at once (two slider steps, the
// popup and the options page) would each read the same old value, and whichever write ended
// last would win, dropping the other's change or restoring a stale one. Updates therefore run
// one after another, in the order they were asked for: the last change asked for is the one
// that stays.
let updates: Promise<unknown> = Promise.resolve();

export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const run = updates.then(async () => {
    const next = sanitiseSettings({ ...(await readSettings()), ...patch });
    await settingsItem.setValue(next);
    return next;
  });
  updates = run.catch(() => undefined);
  return run;
}

function sanitiseSettings(s: Settings): Settings {
  const sensitivity = Number.isFinite(s.sensitivity) ? Math.min(1, Math.max(0, s.sensitivity)) : DEFAULT_SETTINGS.sensitivity;
  const pausedSites = [...new Set((Array.isArray(s.pausedSites) ? s.pausedSites : []).filter((h) => typeof h === 'string' && h.length > 0 && h.length < 256))].sort();
  return { sensitivity, pausedSites, sidebarCollapsed: Boolean(s.sidebarCollapsed) };
}

/** The host a pause applies to: the page's host name without a leading "www.". */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

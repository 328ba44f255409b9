// Keeps storage.local and storage.sync to the extension's own pages where the browser can:
// by default content scripts, which run in every page's renderer, may read (and write) them.
// Chrome restricts them with setAccessLevel; Firefox offers it for storage.session only, so
// nothing private is kept in storage.local in any browser (adapters/private-db.ts), and what
// storage.sync holds is said in the README.
import { browser } from 'wxt/browser';

interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' }) => Promise<void>;
}

/** The areas now closed to content scripts ('local', 'sync'); the others stay as the browser has them. */
export async function restrictStorageToExtension(): Promise<string[]> {
  const closed: string[] = [];
  for (const name of ['local', 'sync'] as const) {
    const area = browser.storage[name] as unknown as AccessLevelArea | undefined;
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      closed.push(name);
    } catch {
      // This browser keeps the area open to content scripts (Firefox: only storage.session can be set).
    }
  }
  return closed;
}

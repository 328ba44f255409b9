// The browser's own `runtime`, without webextension-polyfill: for the content script's first
// stage, which runs in every page a reader opens and must stay a few KB. Chrome's `chrome.runtime`
// (Manifest V3: its sendMessage returns a promise) and Firefox's `browser.runtime` both speak
// the shape messaging-core needs.
import type { RuntimeLike } from './messaging-core';

interface Namespaces {
  browser?: { runtime?: RuntimeLike };
  chrome?: { runtime?: RuntimeLike };
}

/** The runtime of this extension, or undefined once the browser has taken it away (an orphaned script). */
export function nativeRuntime(): RuntimeLike | undefined {
  const g = globalThis as Namespaces;
  return g.browser?.runtime ?? g.chrome?.runtime;
}

// The floor under the off-topic figures: what any content script costs a page on this machine
// when it does the least Crosscheck must do there, which is to tell its background the page is
// off the topic (so the popup can say so) and to answer the bench's 'content/cost'. The bench
// loads each off-topic page in a third browser whose copy of the built extension has only this
// script in place of the content script, beside the real one, so that the two are measured
// alike: what the real script costs above the floor is ours to cut, the floor is not.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContentCost } from '../lib/protocol';

/** The cost it reports: its start timed, every other step of the real meter at zero. */
const ZERO_COST: ContentCost = {
  startMs: 0, cheapCheckMs: 0, cheapChecks: 0, proseMs: 0, articleCheckMs: 0, extractMs: 0,
  highlightMs: 0, mountMs: 0, totalMs: 0, longestStepMs: 0, analyzeRetries: 0,
};

/**
 * Plain JavaScript, as the browser runs it (no bundler's helpers): the runtime's first use, one
 * listener, one message in lib/protocol.ts's envelope, timed by the same clock as the real
 * script's meter (cost-meter.ts).
 */
const FLOOR_SCRIPT = `(() => {
  const t0 = performance.now();
  const runtime = (globalThis.browser && globalThis.browser.runtime) || globalThis.chrome.runtime;
  const cost = ${JSON.stringify(ZERO_COST)};
  runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!message || message.crosscheck !== 1 || message.type !== 'content/cost') return undefined;
    sendResponse({ ok: true, value: cost });
    return undefined;
  });
  runtime.sendMessage({ crosscheck: 1, type: 'page/status', payload: { url: location.href, status: 'off-topic', note: null } }).catch(() => undefined);
  const spent = Math.round((performance.now() - t0) * 100) / 100;
  cost.startMs = cost.totalMs = cost.longestStepMs = spent;
})();
`;

/** A copy of the built extension at `extensionDir` with the floor script as its content script; `dispose` removes it. */
export function floorExtension(extensionDir: string): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'crosscheck-floor-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  if (scripts.length !== 1) throw new Error(`expected one content script in ${extensionDir}, found ${scripts.length}`);
  writeFileSync(join(dir, scripts[0]!), FLOOR_SCRIPT);
  // Its source map would name the real script's functions.
  rmSync(join(dir, `${scripts[0]!}.map`), { force: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

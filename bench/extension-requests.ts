// Requests to the background from the benchmark's browser, shared by the storage, page and
// remembered-reading sections: from an extension page (what the popup and options page may
// ask), or from the content script of a served page (the `page/*` requests, which the
// background answers only for a tab's own content script: lib/protocol.ts REQUEST_SENDERS).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** One request to the background from an extension page: its value, or a thrown error. */
export async function request(page: Page, type: string, payload: unknown): Promise<unknown> {
  const reply = (await page.evaluate(
    ([type, payload]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ crosscheck: 1, type, payload }),
    [type, payload] as const,
  )) as { ok: boolean; value?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
  return reply.value;
}

/** Waits until the background has installed the seed reports (it does so on install). */
export async function waitForSeeds(page: Page): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const stats = (await request(page, 'corpus/stats', null).catch(() => null)) as { seeds: number } | null;
    if (stats && stats.seeds > 0) return;
    await page.waitForTimeout(100);
  }
  throw new Error('The background never installed the seed reports');
}

/** A timed request and its value. */
export interface TimedReply {
  ms: number;
  value: unknown;
}

/** Sends requests as the content script of one served page does: from its isolated world, so the background sees that tab's content script as the sender. */
export interface ContentScriptSender {
  /** Wall time of one request, measured inside the content script's world (the CDP round trip is not counted); throws on an error Result. */
  timed(type: string, payload: unknown): Promise<TimedReply>;
  close(): Promise<void>;
}

/** How long to wait for the content script's world to appear in a freshly loaded page. */
const CONTENT_WORLD_TIMEOUT_MS = 20_000;

/**
 * The content script's world in `page` (which must be an http(s) page the content script
 * runs in), found through the DevTools protocol: Chromium reports each extension's isolated
 * world as an execution context whose origin is the extension's. Requests sent from there
 * carry the tab and the page's address as their sender, exactly like the content script's own.
 */
export async function contentScriptSender(context: BrowserContext, page: Page, extensionId: string): Promise<ContentScriptSender> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const worlds: number[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    const aux = c.auxData as { type?: string; isDefault?: boolean } | undefined;
    if (aux?.type === 'isolated' && c.origin.includes(extensionId)) worlds.push(c.id);
  });
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + CONTENT_WORLD_TIMEOUT_MS;
  while (worlds.length === 0) {
    if (Date.now() > deadline) {
      await cdp.detach();
      throw new Error(`no content script world in ${page.url()}`);
    }
    await page.waitForTimeout(50);
  }
  const contextId = worlds[worlds.length - 1]!;
  return {
    async timed(type, payload) {
      const expression = `(async () => {
        const t0 = performance.now();
        const reply = await chrome.runtime.sendMessage({ crosscheck: 1, type: ${JSON.stringify(type)}, payload: ${JSON.stringify(payload)} });
        return { ms: performance.now() - t0, reply };
      })()`;
      const out = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (out.exceptionDetails) throw new Error(`${type}: ${out.exceptionDetails.exception?.description ?? out.exceptionDetails.text}`);
      const { ms, reply } = out.result.value as { ms: number; reply?: { ok: boolean; value?: unknown; error?: string } };
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error ?? 'no answer'}`);
      return { ms, value: reply.value };
    },
    close: () => cdp.detach(),
  };
}

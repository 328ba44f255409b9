// Requests to the background from an extension page of the benchmark's browser, shared by
// the storage and remembered-reading sections.
import type { Page } from 'playwright-core';

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

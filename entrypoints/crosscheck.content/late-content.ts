// Watches for an article body that arrives after load (client-rendered pages): the first
// stage watches an off-topic page this way, and the reader a page whose article it has not
// shown yet. Cheap on busy pages: counting stops at a threshold, checks are debounced and
// bounded in number and in time.
import type { PageContext } from './page-context';

/** How long after a load or a navigation a late-arriving article body is still watched for. */
export const LATE_CONTENT_WINDOW_MS = 15_000;
/** Quiet time after the last DOM addition before the page is checked again. */
export const LATE_CONTENT_DEBOUNCE_MS = 600;
/** Characters of new text that make a re-check worthwhile. */
export const LATE_CONTENT_MIN_CHARS = 300;
/** Re-checks per watch at most, so a busy page (tickers, ads) costs little. */
export const MAX_LATE_CHECKS = 6;
/**
 * A page that never stops changing (a ticker rewriting itself every frame) never gives the
 * debounce its quiet moment: after this long with a check pending it runs anyway (ms).
 */
export const LATE_CONTENT_MAX_WAIT_MS = 3_000;

/**
 * Calls `recheck` when enough text was added to `body` and the page has been quiet for a
 * moment (or has waited long enough); returns a function that stops watching.
 */
export function watchLateContent(ctx: PageContext, body: HTMLElement, recheck: () => void): () => void {
  let added = 0;
  let checks = 0;
  let debounce: number | undefined;
  /** When the pending check was first scheduled (ms, performance.now), or null when none is. */
  let pendingSince: number | null = null;
  let stopped = false;
  const observer = new MutationObserver((records) => {
    // Counting stops at the threshold: a page re-adding a huge subtree every frame costs one pass over it, not one per frame.
    for (let r = 0; r < records.length && added < LATE_CONTENT_MIN_CHARS; r++) {
      for (const node of records[r]!.addedNodes) {
        if (node.nodeType === 3) added += (node as Text).data.length;
        else if (node.nodeType === 1) added += (node as Element).textContent?.length ?? 0;
        if (added >= LATE_CONTENT_MIN_CHARS) break;
      }
    }
    if (added < LATE_CONTENT_MIN_CHARS) return;
    const now = performance.now();
    pendingSince ??= now;
    // Debounced, but never pushed back past the longest wait.
    const wait = Math.max(0, Math.min(LATE_CONTENT_DEBOUNCE_MS, pendingSince + LATE_CONTENT_MAX_WAIT_MS - now));
    clearTimeout(debounce);
    debounce = ctx.setTimeout(() => {
      added = 0;
      pendingSince = null;
      if (++checks >= MAX_LATE_CHECKS) stop();
      recheck();
    }, wait);
  });
  observer.observe(body, { childList: true, subtree: true, characterData: false });
  const deadline = ctx.setTimeout(() => stop(), LATE_CONTENT_WINDOW_MS);
  const stop = () => {
    if (stopped) return;
    stopped = true;
    observer.disconnect();
    clearTimeout(debounce);
    clearTimeout(deadline);
  };
  return stop;
}

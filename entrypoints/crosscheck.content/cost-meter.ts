// The content script's own account of the main-thread time it takes, step by step, so the
// cost on every page a reader opens is a measured figure ('content/cost' answers with it).
import type { ContentCost } from '../../lib/protocol';

/**
 * Main-thread time one pass may spend in the page (ms, the cost meter's clock), checked
 * between steps. A news page costs 10 to 60 ms; the steps are bounded by the limits in
 * page-text.ts, detect.ts and highlights.ts (reader.ts checks it), so this is a backstop for a slow machine or a
 * page no limit foresaw: past it, the pass stops (or, before the highlights, shows the
 * sidebar without them) and the popup says why.
 */
export const PASS_BUDGET_MS = 400;
export const OVER_BUDGET_NOTE = 'Crosscheck stopped reading this page: it is too large to read without slowing the page down.';

export type Step = 'start' | 'cheapCheck' | 'prose' | 'articleCheck' | 'extract' | 'highlight' | 'mount';

export interface CostMeter {
  time<T>(step: Step, work: () => T): T;
  /** Main-thread time of every step so far (ms): passes compare it before and after to keep to a budget. */
  totalMs(): number;
  /** A 'page/analyze' asked again because the first answer was lost (the service worker stopped). */
  countRetry(): void;
  report(): ContentCost;
}

export function createCostMeter(now: () => number = () => performance.now()): CostMeter {
  const ms: Record<Step, number> = { start: 0, cheapCheck: 0, prose: 0, articleCheck: 0, extract: 0, highlight: 0, mount: 0 };
  let cheapChecks = 0;
  let longest = 0;
  let total = 0;
  let retries = 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    time(step, work) {
      const t0 = now();
      try {
        return work();
      } finally {
        const spent = now() - t0;
        ms[step] += spent;
        total += spent;
        longest = Math.max(longest, spent);
        if (step === 'cheapCheck') cheapChecks++;
      }
    },
    totalMs: () => total,
    countRetry: () => void retries++,
    report: () => ({
      startMs: round(ms.start),
      cheapCheckMs: round(ms.cheapCheck),
      cheapChecks,
      proseMs: round(ms.prose),
      articleCheckMs: round(ms.articleCheck),
      extractMs: round(ms.extract),
      highlightMs: round(ms.highlight),
      mountMs: round(ms.mount),
      totalMs: round(total),
      longestStepMs: round(longest),
      analyzeRetries: retries,
    }),
  };
}

// The content script's own account of the main-thread time it takes, step by step, so the
// cost on every page a reader opens is a measured figure ('content/cost' answers with it).
import type { ContentCost } from '../../lib/protocol';

export type Step = 'start' | 'cheapCheck' | 'articleCheck' | 'extract' | 'highlight' | 'mount';

export interface CostMeter {
  time<T>(step: Step, work: () => T): T;
  report(): ContentCost;
}

export function createCostMeter(now: () => number = () => performance.now()): CostMeter {
  const ms: Record<Step, number> = { start: 0, cheapCheck: 0, articleCheck: 0, extract: 0, highlight: 0, mount: 0 };
  let cheapChecks = 0;
  let longest = 0;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    time(step, work) {
      const t0 = now();
      try {
        return work();
      } finally {
        const spent = now() - t0;
        ms[step] += spent;
        longest = Math.max(longest, spent);
        if (step === 'cheapCheck') cheapChecks++;
      }
    },
    report: () => ({
      startMs: round(ms.start),
      cheapCheckMs: round(ms.cheapCheck),
      cheapChecks,
      articleCheckMs: round(ms.articleCheck),
      extractMs: round(ms.extract),
      highlightMs: round(ms.highlight),
      mountMs: round(ms.mount),
      longestStepMs: round(longest),
    }),
  };
}

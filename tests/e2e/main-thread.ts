// How much of a page's main thread the content script takes, measured from outside with
// V8's sampling CPU profiler (the content script runs in the page's renderer, in its own
// JavaScript world). A sample counts when any frame of its stack is the content script's
// file, so time in DOM calls the script makes counts too. The profiler itself slows the
// code it samples: the figures are upper bounds.
import type { BrowserContext, Page } from 'playwright-core';

/** Microseconds between samples: fine enough to see a 1 ms step. */
export const SAMPLING_INTERVAL_US = 100;
const CONTENT_SCRIPT_PATH = '/content-scripts/';

export interface MainThreadCost {
  /** All content-script samples, in ms. */
  totalMs: number;
  /** The longest run of content-script samples with nothing else between them, in ms: its share of the longest task. */
  longestMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function profileContentScript(context: BrowserContext, page: Page, run: () => Promise<void>): Promise<MainThreadCost> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await cdp.send('Profiler.start');
  let failure: unknown = null;
  await run().catch((error: unknown) => {
    failure = error;
  });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach().catch(() => undefined);
  if (failure) throw failure;
  return costOf(profile);
}

function costOf(profile: Profile): MainThreadCost {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const kind = new Map<number, 'ours' | 'neutral' | 'other'>();
  const classify = (id: number): 'ours' | 'neutral' | 'other' => {
    const known = kind.get(id);
    if (known) return known;
    let result: 'ours' | 'neutral' | 'other' = 'other';
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      if (byId.get(x)?.callFrame.url.includes(CONTENT_SCRIPT_PATH)) {
        result = 'ours';
        break;
      }
    }
    // The collector and V8's own bookkeeping interrupt a task without ending it.
    const name = byId.get(id)?.callFrame.functionName;
    if (result === 'other' && (name === '(garbage collector)' || name === '(program)')) result = 'neutral';
    kind.set(id, result);
    return result;
  };
  let total = 0;
  let run = 0;
  let longest = 0;
  profile.samples.forEach((id, i) => {
    // A sample's time is the gap to the next one.
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const k = classify(id);
    if (k === 'ours') {
      total += dt;
      run += dt;
      longest = Math.max(longest, run);
    } else if (k === 'other') run = 0;
  });
  return { totalMs: round(total), longestMs: round(longest) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

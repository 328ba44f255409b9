// Where a function's time goes: V8's sampling profiler (node:inspector) over repeated
// runs, summed per function. Inclusive time (the function and what it calls) for the
// stages of the matcher; self time for the hottest functions. The profiler slows the
// code down a little, so shares are the figures to read, not absolute milliseconds.

import { Session } from 'node:inspector/promises';

/** Sampling interval (µs): fine enough for runs of a few ms. */
const SAMPLING_US = 100;
/** Stages of lib/match.ts, outermost first. */
export const MATCH_STAGES = [
  'matchClaims', 'rankCandidates', 'preselect', 'topByScore', 'scoreCandidates', 'relevanceUpperBound', 'textSimilarity',
  'relevance', 'toResult', 'judgeStance',
] as const;
/** Stages of the background's analysis (lib/analyze.ts), outermost first. */
export const ANALYSIS_STAGES = ['analyzeArticleText', 'articleClaims', 'extractClaims', 'scoreTopic', ...MATCH_STAGES] as const;
const TOP_SELF = 8;

export interface Breakdown {
  runs: number;
  /** Wall time per run under the profiler. */
  msPerRun: number;
  /** Inclusive share (0..1) and ms per run of each matcher stage, plus fuse.js and GC. */
  stages: { name: string; ms: number; share: number }[];
  hottest: { name: string; selfMs: number; share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

export async function profileBreakdown(fn: () => unknown, runs: number, stages: readonly string[] = MATCH_STAGES): Promise<Breakdown> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await session.post('Profiler.start');
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) fn();
    const wall = performance.now() - t0;
    const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };

    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const inclusive = new Map<string, number>();
    const self = new Map<string, number>();
    let total = 0;
    const label = (n: ProfileNode) => {
      const url = n.callFrame.url;
      if (/fuse\.js|\/fuse\.m?c?js/.test(url)) return { fn: n.callFrame.functionName, group: 'fuse.js (all)' };
      return { fn: n.callFrame.functionName || '(anonymous)', group: n.callFrame.functionName === '(garbage collector)' ? '(garbage collector)' : null };
    };
    profile.samples.forEach((id, i) => {
      const dt = profile.timeDeltas[i + 1] ?? 0;
      total += dt;
      const seen = new Set<string>();
      let first = true;
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const node = nodes.get(cur)!;
        const { fn: name, group } = label(node);
        if (first) {
          const key = group === 'fuse.js (all)' ? `fuse.js ${name}` : name;
          self.set(key, (self.get(key) ?? 0) + dt);
          first = false;
        }
        for (const k of [name, group]) {
          if (!k || seen.has(k)) continue;
          seen.add(k);
          inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
        }
      }
    });
    const perRun = (us: number) => Math.round((us / 1000 / runs) * 100) / 100;
    const share = (us: number) => Math.round((us / Math.max(1, total)) * 1000) / 1000;
    return {
      runs,
      msPerRun: Math.round((wall / runs) * 100) / 100,
      stages: [...stages, 'fuse.js (all)', '(garbage collector)']
        .filter((s) => inclusive.has(s))
        .map((s) => ({ name: s, ms: perRun(inclusive.get(s)!), share: share(inclusive.get(s)!) })),
      hottest: [...self.entries()]
        .filter(([k]) => k !== '(idle)' && k !== '(program)' && k !== '(root)')
        .sort((a, b) => b[1] - a[1])
        .slice(0, TOP_SELF)
        .map(([name, us]) => ({ name, selfMs: perRun(us), share: share(us) })),
    };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
}

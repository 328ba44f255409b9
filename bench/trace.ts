// Reads a Chromium performance trace (CDP Tracing, JSON) for one page load and says how
// much of the page's main thread went to code of a given origin (the extension), and
// which long tasks that code caused.
//
// Attribution: a content script's work runs partly as tasks of its own (script
// evaluation, timers, idle callbacks, observers) and partly inside promise continuations
// that no trace event names. The V8 sampling profiler sees both: a sample counts as the
// extension's when a frame of its stack belongs to the extension's origin. Trace events
// carrying the extension's script URL (evaluation, compilation) are added, and the
// intervals merged so nothing is counted twice.

/** A task at least this long (ms) is a long task (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface TraceAnalysis {
  /** Main-thread ms spent in the origin's code. */
  originMs: number;
  /** Main-thread ms in top-level tasks, all code. */
  taskMs: number;
  /** Tasks of LONG_TASK_MS and more. */
  longTasks: number;
  /** Long tasks that would have stayed under LONG_TASK_MS without the origin's work in them. */
  longTasksCausedByOrigin: number;
  /** Longest stretch of the origin's work inside one task, ms. */
  maxOriginMsInTask: number;
  /** The renderer thread analysed, for debugging. */
  thread: { pid: number; tid: number; parseTs: number } | null;
  samples: number;
  /** Sampled time (µs) per frame of the origin's code, inclusive, keyed `url|line|column` (0-based). */
  frames: Map<string, number>;
  /** Sampled self time (µs) per frame of the origin's code; native calls count for their caller. */
  selfFrames: Map<string, number>;
  /** Trace clock (µs) of DOMContentLoaded in the page's main frame, and of the origin's first work. */
  domContentLoadedTs: number | null;
  firstOriginTs: number | null;
  /** Evaluation of the origin's scripts (compile + top-level code), ms. */
  evaluateMs: number;
  /** The origin's work on the main thread as merged intervals (trace clock, µs). */
  intervals: { start: number; end: number }[];
}

interface Interval {
  start: number;
  end: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
}

/**
 * @param pageUrlPrefix the page's origin + path, to find its renderer's main thread
 * @param originPrefix e.g. `chrome-extension://<id>/`
 */
export function analyzeTrace(events: TraceEvent[], pageUrlPrefix: string, originPrefix: string): TraceAnalysis {
  const thread = pageMainThread(events, pageUrlPrefix);
  const empty: TraceAnalysis = {
    originMs: 0, taskMs: 0, longTasks: 0, longTasksCausedByOrigin: 0, maxOriginMsInTask: 0, thread, samples: 0,
    frames: new Map(), selfFrames: new Map(), domContentLoadedTs: null, firstOriginTs: null, evaluateMs: 0, intervals: [],
  };
  if (!thread) return empty;
  const onThread = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid);

  const tasks: Interval[] = onThread
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && (e.dur ?? 0) > 0)
    .map((e) => ({ start: e.ts, end: e.ts + e.dur! }));
  const topTasks = outermost(tasks);

  const ours: Interval[] = [];
  let evaluate = 0;
  for (const e of onThread) {
    if (e.ph !== 'X' || !e.dur) continue;
    const data = (e.args?.data ?? e.args?.beginData) as { url?: string; stackTrace?: { url?: string }[] } | undefined;
    const url = data?.url ?? data?.stackTrace?.[0]?.url;
    if (typeof url === 'string' && url.startsWith(originPrefix)) {
      ours.push({ start: e.ts, end: e.ts + e.dur });
      if (e.name === 'EvaluateScript') evaluate += e.dur;
    }
  }
  const sampled = originSamples(events, thread, originPrefix);
  ours.push(...sampled.intervals);
  const merged = merge(ours);

  let longTasks = 0;
  let caused = 0;
  let maxInTask = 0;
  for (const t of topTasks) {
    const dur = t.end - t.start;
    const mine = overlap(merged, t);
    maxInTask = Math.max(maxInTask, mine);
    if (dur >= LONG_TASK_MS * 1000) {
      longTasks++;
      if (mine > 0 && dur - mine < LONG_TASK_MS * 1000) caused++;
    }
  }
  return {
    originMs: sum(merged) / 1000,
    taskMs: sum(topTasks) / 1000,
    longTasks,
    longTasksCausedByOrigin: caused,
    maxOriginMsInTask: maxInTask / 1000,
    thread,
    samples: sampled.count,
    frames: sampled.frames,
    selfFrames: sampled.selfFrames,
    // The page's own DOMContentLoaded: the main frame's, after its HTML began to parse (not the blank tab's).
    domContentLoadedTs:
      onThread.find((e) => e.name === 'MarkDOMContent' && e.ts >= thread.parseTs && (e.args?.data as { isMainFrame?: boolean } | undefined)?.isMainFrame !== false)?.ts ?? null,
    firstOriginTs: merged[0]?.start ?? null,
    evaluateMs: evaluate / 1000,
    intervals: merged,
  };
}

/** The CrRendererMain thread that parsed the page, and when it began to. */
function pageMainThread(events: TraceEvent[], pageUrlPrefix: string): { pid: number; tid: number; parseTs: number } | null {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && (e.args?.name as string) === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  let found: { pid: number; tid: number; parseTs: number } | null = null;
  for (const e of events) {
    if (e.name !== 'ParseHTML' || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const url = ((e.args?.beginData ?? e.args?.data) as { url?: string } | undefined)?.url;
    if (!url?.startsWith(pageUrlPrefix)) continue;
    if (!found) found = { pid: e.pid, tid: e.tid, parseTs: e.ts };
    else if (e.pid === found.pid && e.tid === found.tid) found.parseTs = Math.min(found.parseTs, e.ts);
  }
  return found;
}

/** Sampled intervals whose stack holds a frame of the origin, from the trace's CPU profile chunks. */
function originSamples(
  events: TraceEvent[],
  thread: { pid: number; tid: number },
  originPrefix: string,
): { intervals: Interval[]; count: number; frames: Map<string, number>; selfFrames: Map<string, number> } {
  const frames = new Map<string, number>();
  const selfFrames = new Map<string, number>();
  const frameKey = (n: ProfileNode | undefined) =>
    n?.callFrame?.url?.startsWith(originPrefix) ? `${n.callFrame.url}|${n.callFrame.lineNumber ?? 0}|${n.callFrame.columnNumber ?? 0}` : null;
  // Profiles are keyed by id; a profile belongs to the thread whose 'Profile' event started it.
  const starts = new Map<string, number>();
  for (const e of events) {
    if (e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid && e.id) {
      starts.set(e.id, ((e.args?.data as { startTime?: number } | undefined)?.startTime ?? e.ts));
    }
  }
  const intervals: Interval[] = [];
  let count = 0;
  for (const [id, startTime] of starts) {
    const nodes = new Map<number, ProfileNode>();
    const ours = new Map<number, boolean>();
    const isOurs = (nodeId: number): boolean => {
      const known = ours.get(nodeId);
      if (known !== undefined) return known;
      const node = nodes.get(nodeId);
      const value = !!node && ((node.callFrame?.url ?? '').startsWith(originPrefix) || (node.parent !== undefined && isOurs(node.parent)));
      ours.set(nodeId, value);
      return value;
    };
    const times: number[] = [];
    const sampleNodes: number[] = [];
    let t = startTime;
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.id !== id || e.pid !== thread.pid) continue;
      const data = e.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = data?.cpuProfile?.samples ?? [];
      const deltas = data?.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        t += deltas[i] ?? 0;
        times.push(t);
        sampleNodes.push(samples[i]!);
      }
    }
    // A sample stands for the time until the next one; the last gets the typical interval.
    const typical = times.length > 1 ? (times.at(-1)! - times[0]!) / (times.length - 1) : 0;
    for (let i = 0; i < times.length; i++) {
      if (!isOurs(sampleNodes[i]!)) continue;
      count++;
      const end = Math.min(i + 1 < times.length ? times[i + 1]! : times[i]! + typical, times[i]! + 10 * Math.max(typical, 1));
      intervals.push({ start: times[i]!, end });
      const dt = end - times[i]!;
      const seen = new Set<string>();
      let self: string | null = null;
      for (let n = nodes.get(sampleNodes[i]!); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const key = frameKey(n);
        if (!key) continue;
        self ??= key;
        if (seen.has(key)) continue;
        seen.add(key);
        frames.set(key, (frames.get(key) ?? 0) + dt);
      }
      if (self) selfFrames.set(self, (selfFrames.get(self) ?? 0) + dt);
    }
  }
  return { intervals, count, frames, selfFrames };
}

function outermost(intervals: Interval[]): Interval[] {
  const sorted = intervals.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out.at(-1);
    if (last && iv.start < last.end) continue; // nested task (e.g. a nested run loop)
    out.push(iv);
  }
  return out;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = intervals.slice().sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out.at(-1);
    if (last && iv.start <= last.end) last.end = Math.max(last.end, iv.end);
    else out.push({ ...iv });
  }
  return out;
}

function overlap(merged: Interval[], window: Interval): number {
  let total = 0;
  for (const iv of merged) {
    if (iv.end <= window.start) continue;
    if (iv.start >= window.end) break;
    total += Math.min(iv.end, window.end) - Math.max(iv.start, window.start);
  }
  return total;
}

function sum(intervals: Interval[]): number {
  return intervals.reduce((s, iv) => s + (iv.end - iv.start), 0);
}

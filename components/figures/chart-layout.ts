// Where each figure of one kind goes in its small chart: dated figures along a time axis,
// undated ones in a band of their own at the right (a figure with no date is never put at a
// guessed date), counts up the side from zero. Plain geometry, so the chart component only draws.
import { daysBetween, shortDate } from '../../lib/dates';
import type { FigureStatement } from '../../lib/timeline';

export const CHART_WIDTH = 340;
export const CHART_HEIGHT = 150;
const LEFT = 46;
const RIGHT = 10;
const TOP = 14;
const BOTTOM = 24;
/** Width of the band of undated figures. */
const UNDATED_BAND = 52;

export interface PlacedFigure {
  statement: FigureStatement;
  x: number;
  y: number;
  /** Top of the figure's interval (a range "11,000-12,000"), when it has one. */
  yMax: number | null;
  /** Draw its value beside it (once per place and value). */
  labelled: boolean;
}

export interface ChartLayout {
  figures: PlacedFigure[];
  /** Lines from a figure to the one it updates or falls below. */
  changes: { from: PlacedFigure; to: PlacedFigure }[];
  /** Pairs of figures of about the same time that disagree. */
  conflicts: { a: PlacedFigure; b: PlacedFigure }[];
  yTicks: { y: number; label: string }[];
  xTicks: { x: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
  /** The undated band's left edge, when there are undated figures. */
  undatedFrom: number | null;
}

/** "12k", "1.5k", "600". */
export function compactNumber(n: number): string {
  if (n >= 1_000) return `${Number((n / 1_000).toFixed(n % 1_000 === 0 ? 0 : 1))}k`;
  return String(n);
}

/** A round top for the axis: 1, 2 or 5 times a power of ten, at or above the largest figure. */
function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].map((m) => m * p).find((m) => m >= v) ?? 10 * p);
}

export function layoutChart(statements: readonly FigureStatement[]): ChartLayout {
  const dated = statements.filter((s) => s.date !== null);
  const undated = statements.filter((s) => s.date === null);
  const right = CHART_WIDTH - RIGHT;
  const undatedFrom = undated.length ? right - UNDATED_BAND : null;
  const plot = { left: LEFT, right: undatedFrom === null ? right : undatedFrom - 8, top: TOP, bottom: CHART_HEIGHT - BOTTOM };

  const top = niceMax(Math.max(...statements.map((s) => s.max ?? s.value)));
  const yOf = (v: number) => plot.bottom - (v / top) * (plot.bottom - plot.top);

  const dates = dated.map((s) => s.date!).sort();
  const first = dates[0];
  const last = dates[dates.length - 1];
  const span = first && last ? Math.max(1, daysBetween(first, last)) : 1;
  const xOfDate = (d: string) =>
    first === last ? (plot.left + plot.right) / 2 : plot.left + 10 + (daysBetween(first!, d) / span) * (plot.right - plot.left - 20);

  const seen = new Set<string>();
  const place = (s: FigureStatement, x: number): PlacedFigure => {
    const y = yOf(s.value);
    const key = s.date === null ? `undated|${s.value}` : `${Math.round(x)}|${s.value}`;
    const labelled = !seen.has(key);
    seen.add(key);
    const hasRange = s.max !== null && s.max !== s.value;
    return { statement: s, x, y, yMax: hasRange ? yOf(s.max!) : null, labelled };
  };
  const figures = [
    ...dated.map((s) => place(s, xOfDate(s.date!))),
    // Side by side across the band, so figures of one value do not hide each other.
    ...undated.map((s, i) => place(s, undatedFrom! + 12 + (i % 3) * 14)),
  ];
  const byId = new Map(figures.map((f) => [f.statement.id, f]));
  const changes = figures.flatMap((f) => {
    const from = f.statement.after ? byId.get(f.statement.after) : undefined;
    return from ? [{ from, to: f }] : [];
  });
  const conflicts = figures.flatMap((a) =>
    a.statement.conflictsWith.flatMap((id) => {
      const b = byId.get(id);
      return b && a.statement.id < id ? [{ a, b }] : [];
    }),
  );

  const yTicks = [0, top / 2, top].map((v) => ({ y: yOf(v), label: compactNumber(v) }));
  const xTicks: ChartLayout['xTicks'] = [];
  if (first) {
    const withYear = first.slice(0, 4) !== last!.slice(0, 4);
    xTicks.push({ x: xOfDate(first), label: shortDate(first, withYear) });
    if (last !== first) xTicks.push({ x: xOfDate(last!), label: shortDate(last!, withYear) });
  }
  return { figures, changes, conflicts, yTicks, xTicks, plot, undatedFrom };
}

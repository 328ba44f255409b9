// Plain-text tables for the readable output of `npm run bench`.

export type Cell = string | number | boolean | null | undefined;

export function formatTable(headers: string[], rows: Cell[][]): string {
  const text = rows.map((r) => r.map(cellText));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((r) => (r[i] ?? '').length)));
  const numeric = headers.map((_, i) => rows.every((r) => typeof r[i] === 'number' || r[i] === null || r[i] === undefined));
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...text.map(line)].join('\n');
}

function cellText(c: Cell): string {
  if (c === null || c === undefined) return '–';
  if (typeof c === 'boolean') return c ? 'yes' : 'no';
  if (typeof c === 'number') return formatNumber(c);
  return c;
}

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  if (abs >= 100) return x.toFixed(0);
  if (abs >= 10) return x.toFixed(1);
  if (abs >= 1) return x.toFixed(2);
  if (x === 0) return '0';
  return x.toFixed(3);
}

/** A byte count as written in the tables ("1,465 B"), or a dash when it was not measured. */
export function bytes(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${formatNumber(n)} B`;
}

export function kb(bytes: number | null | undefined): string {
  return bytes === null || bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)} KB`;
}

export function section(title: string): string {
  return `\n${title}\n${'='.repeat(title.length)}`;
}

/** Timed requests as their median and their slowest ('–' when none were timed). */
export function medianAndSlowest(times: { median: number; max: number } | null | undefined): string {
  return times ? `${formatNumber(times.median)} ms (slowest ${formatNumber(times.max)} ms)` : '–';
}

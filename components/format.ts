// Numbers as the reader sees them in Crosscheck's pages.

/** "0.72": scores are 0..1 and shown with two decimals. */
export function formatScore(score: number): string {
  return (Math.round(Math.min(1, Math.max(0, score)) * 100) / 100).toFixed(2);
}

/** "1 report", "6 reports", "1,204 reports". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

// axe-core for component tests in happy-dom: one setup for every component file.
// happy-dom has no layout, so colour contrast is left to the end-to-end tests, which run
// axe in Chromium (tests/e2e/axe.ts).
import axe from 'axe-core';
import { expect } from 'vitest';

/** Every violation under `root`, as "rule: offending HTML | ...". */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

/** The rule ids that `root` violates. */
export async function axeRuleIds(root: Element): Promise<string[]> {
  return (await axeViolations(root)).map((v) => v.slice(0, v.indexOf(':')));
}

export async function expectAccessible(root: Element): Promise<void> {
  expect(await axeViolations(root)).toEqual([]);
}

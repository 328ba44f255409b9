// axe-core inside a real page or frame of Chromium, with layout, so colour contrast counts
// (the component tests in happy-dom cannot check it): one setup for every end-to-end file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type AxeResult = { violations: Array<{ id: string; nodes: Array<{ target: unknown[] }> }> };

/** Every violation inside `selector` (the whole document by default), as "rule: [targets], ...". */
export async function axeViolations(target: Page | Frame, selector = 'html'): Promise<string[]> {
  const frame = 'mainFrame' in target ? target.mainFrame() : target;
  if (!(await frame.evaluate(() => 'axe' in globalThis))) await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async (sel) => {
    const axe = (globalThis as unknown as { axe: { run(context: Element): Promise<AxeResult> } }).axe;
    const root = document.querySelector(sel);
    if (!root) throw new Error(`axe: nothing matches ${sel}`);
    const result = await axe.run(root);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, selector);
}

/** The violations in the light and in the dark scheme, each prefixed with its scheme. */
export async function axeViolationsInBothSchemes(page: Page, selector = 'html'): Promise<string[]> {
  const out: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    out.push(...(await axeViolations(page, selector)).map((v) => `${colorScheme}: ${v}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return out;
}

// The script injected into every page a reader opens must stay the first stage alone: a few
// KB, none of the reader's weight. One stray import (detect.ts instead of quick-check.ts,
// `wxt/browser` instead of the native runtime) would put Readability or the polyfill back on
// every page without any behaviour changing, so the bundle itself is checked: built here with
// Vite (Rollup, as WXT builds it), listing the modules that kept code after tree-shaking.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** "A few KB": the first stage is 6.0 KB gzipped at the time of writing. */
const FIRST_STAGE_MAX_GZIP_BYTES = 8 * 1024;
/** Modules that belong to the reader (the second stage) and never to the first. */
const READER_ONLY = /@mozilla\/readability|webextension-polyfill|[\\/]preact[\\/]|[\\/]dexie[\\/]|fuse\.js|lib[\\/]article\.ts|lib[\\/]claims\.ts|crosscheck\.content[\\/](detect|reader|highlights|sidebar-frame|text-anchor)\.ts|wxt[\\/]dist[\\/].*storage/;

async function bundle(entry: string): Promise<{ code: string; modules: string[] }> {
  const out = (await build({
    root: ROOT,
    configFile: false,
    logLevel: 'silent',
    // As the @wxt-dev/webextension-polyfill module sets it for the extension's build.
    resolve: { alias: { 'wxt/browser': '@wxt-dev/webextension-polyfill/browser' } },
    build: {
      write: false,
      minify: true,
      lib: { entry: `${ROOT}${entry}`, formats: ['iife'], name: 'stage' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const chunk = (Array.isArray(out) ? out[0]! : out).output[0];
  return { code: chunk.code, modules: Object.entries(chunk.modules).filter(([, m]) => m.renderedLength > 0).map(([id]) => id) };
}

describe('the first stage bundle', () => {
  it('holds none of the reader’s modules and stays a few KB gzipped', async () => {
    const first = await bundle('entrypoints/crosscheck.content/index.ts');
    expect(first.modules.filter((m) => READER_ONLY.test(m))).toEqual([]);
    expect(first.modules.some((m) => m.includes('quick-check.ts'))).toBe(true);
    expect(gzipSync(first.code, { level: 9 }).length).toBeLessThan(FIRST_STAGE_MAX_GZIP_BYTES);
  });

  it('(control) the reader’s bundle is where those modules are', async () => {
    const reader = await bundle('entrypoints/crosscheck-reader/index.ts');
    const found = reader.modules.filter((m) => READER_ONLY.test(m)).join('\n');
    for (const name of ['readability', 'webextension-polyfill', 'detect.ts', 'reader.ts', 'highlights.ts', 'sidebar-frame.ts']) expect(found).toContain(name);
  });
});

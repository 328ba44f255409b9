// Bundle sizes: each entrypoint of the built Chrome extension, raw and gzipped, and the
// modules that fill it. The bench builds its own copy (.output/bench/chrome-mv3) with
// hidden source maps: the code is the same as `wxt build` makes (hidden maps add no
// comment to it), and the maps say which source each byte of the bundle came from.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Logger } from 'wxt';
import { REPO_ROOT } from './fixtures';
import { decodeVlq } from './sourcemap';

/** Where the bench builds the extension, apart from the .output/chrome-mv3 that tests use. */
export const BENCH_OUT_DIR = resolve(REPO_ROOT, '.output/bench');
export const BENCH_CHROME_BUILD = join(BENCH_OUT_DIR, 'chrome-mv3');
/** Modules listed per entrypoint. */
const TOP_MODULES = 8;
/** Highest zlib level: what a store's packer or a server's gzip would reach at best. */
const GZIP_LEVEL = 9;

export interface ModuleShare {
  module: string;
  bytes: number;
}

export interface EntrypointSize {
  name: string;
  /** The files that make the entrypoint (its own bundle plus the chunks and CSS its page loads). */
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  top: ModuleShare[];
}

export interface SizeResult {
  buildDir: string;
  buildMs: number;
  /** The whole content script as an on-topic page loads it: the first stage and the reader it imports. */
  contentScriptGzipBytes: number | null;
  /** The first stage alone: the script injected into every page (the manifest's content_scripts). */
  firstStageGzipBytes: number | null;
  entrypoints: EntrypointSize[];
}

/** Builds the Chrome extension into .output/bench with hidden source maps. */
export async function buildForBench(): Promise<number> {
  const t0 = performance.now();
  const { build } = await import('wxt');
  await build({
    root: REPO_ROOT,
    outDir: BENCH_OUT_DIR,
    browser: 'chrome',
    logger: quietLogger(),
    vite: () => ({ build: { sourcemap: 'hidden' } }),
  });
  return performance.now() - t0;
}

export async function measureSize(opts: { build?: boolean } = {}): Promise<SizeResult> {
  const buildMs = opts.build === false && existsSync(join(BENCH_CHROME_BUILD, 'manifest.json')) ? 0 : await buildForBench();
  const entrypoints = listEntrypoints(BENCH_CHROME_BUILD).map((e) => sizeOf(BENCH_CHROME_BUILD, e.name, e.files));
  const declared = declaredContentScripts(BENCH_CHROME_BUILD);
  const firstStage = entrypoints.filter((e) => declared.has(e.files[0]!));
  const content = entrypoints.filter((e) => e.name.startsWith('content-scripts/') || e.name === SECOND_STAGE);
  const gzipOf = (list: EntrypointSize[]) => (list.length ? list.reduce((sum, e) => sum + e.gzipBytes, 0) : null);
  return {
    buildDir: relative(REPO_ROOT, BENCH_CHROME_BUILD),
    buildMs,
    contentScriptGzipBytes: gzipOf(content),
    firstStageGzipBytes: gzipOf(firstStage),
    entrypoints,
  };
}

/** The content script's second stage (entrypoints/crosscheck-reader), which the first imports on pages that pass the quick check. */
const SECOND_STAGE = 'crosscheck-reader';

/** The scripts the manifest injects into every matching page. */
function declaredContentScripts(dir: string): Set<string> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts?: { js?: string[] }[] };
  return new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []));
}

/** Entrypoints from the manifest (background, content scripts) and the HTML pages of the build. */
function listEntrypoints(dir: string): { name: string; files: string[] }[] {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; css?: string[] }[];
  };
  const out: { name: string; files: string[] }[] = [];
  if (manifest.background?.service_worker) out.push({ name: 'background', files: [manifest.background.service_worker] });
  const seen = new Set<string>();
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? []) {
      if (seen.has(js)) continue;
      seen.add(js);
      const css = (cs.css ?? []).filter((c) => !seen.has(c));
      css.forEach((c) => seen.add(c));
      out.push({ name: js.replace(/\.js$/, ''), files: [js, ...css] });
    }
  }
  // Content scripts registered at runtime or CSS injected by the script are still files in content-scripts/.
  const csDir = join(dir, 'content-scripts');
  if (existsSync(csDir)) {
    for (const f of readdirSync(csDir)) {
      const rel = `content-scripts/${f}`;
      if (seen.has(rel) || f.endsWith('.map')) continue;
      if (f.endsWith('.js')) out.push({ name: rel.replace(/\.js$/, ''), files: [rel] });
      else if (f.endsWith('.css')) {
        const owner = out.find((e) => e.name === rel.replace(/\.css$/, ''));
        if (owner) owner.files.push(rel);
        else out.push({ name: rel.replace(/\.css$/, ''), files: [rel] });
      }
    }
  }
  if (existsSync(join(dir, `${SECOND_STAGE}.js`))) out.push({ name: SECOND_STAGE, files: [`${SECOND_STAGE}.js`] });
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    out.push({ name: f.replace(/\.html$/, ''), files: [f, ...pageAssets(dir, f)] });
  }
  return out;
}

/** The scripts, preloads and stylesheets an HTML page of the build loads. */
function pageAssets(dir: string, html: string): string[] {
  const text = readFileSync(join(dir, html), 'utf8');
  const assets = new Set<string>();
  for (const m of text.matchAll(/\b(?:src|href)="([^"]+\.(?:js|css))"/g)) {
    const path = m[1]!.replace(/^\//, '').replace(/^\.\//, '');
    if (existsSync(join(dir, path))) assets.add(path);
  }
  return [...assets];
}

function sizeOf(dir: string, name: string, files: string[]): EntrypointSize {
  let raw = 0;
  let gz = 0;
  const modules = new Map<string, number>();
  for (const f of files) {
    const buf = readFileSync(join(dir, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: GZIP_LEVEL }).length;
    const map = join(dir, f + '.map');
    if (f.endsWith('.js') && existsSync(map)) {
      for (const [module, bytes] of bytesBySource(buf.toString('utf8'), readFileSync(map, 'utf8'))) {
        modules.set(module, (modules.get(module) ?? 0) + bytes);
      }
    } else {
      modules.set(f.endsWith('.css') ? `(css) ${f}` : `(${f})`, statSync(join(dir, f)).size);
    }
  }
  const top = [...modules.entries()]
    .map(([module, bytes]) => ({ module, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP_MODULES);
  return { name, files, rawBytes: raw, gzipBytes: gz, top };
}

interface RawSourceMap {
  sources: string[];
  mappings: string;
}

/**
 * Bytes of generated code per module, from a source map: each mapping segment owns the
 * generated text up to the next segment on its line. Code with no mapping (the bundler's
 * own wrappers) is counted as "(bundler)".
 */
export function bytesBySource(code: string, mapJson: string): Map<string, number> {
  const map = JSON.parse(mapJson) as RawSourceMap;
  const lines = code.split('\n');
  const perSource = new Map<string, number>();
  const add = (key: string, n: number) => {
    if (n > 0) perSource.set(key, (perSource.get(key) ?? 0) + n);
  };
  let sourceIndex = 0;
  const mappingLines = map.mappings.split(';');
  for (let line = 0; line < lines.length; line++) {
    const text = lines[line]!;
    const segments = mappingLines[line] ? mappingLines[line]!.split(',').filter(Boolean) : [];
    let genCol = 0;
    const cols: { col: number; source: number | null }[] = [];
    for (const seg of segments) {
      const fields = decodeVlq(seg);
      genCol += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1]!;
        cols.push({ col: genCol, source: sourceIndex });
      } else {
        cols.push({ col: genCol, source: null });
      }
    }
    const lineBytes = Buffer.byteLength(text) + 1; // + the newline
    if (cols.length === 0) {
      add('(bundler)', lineBytes);
      continue;
    }
    add('(bundler)', cols[0]!.col);
    for (let i = 0; i < cols.length; i++) {
      const end = i + 1 < cols.length ? cols[i + 1]!.col : text.length + 1;
      const c = cols[i]!;
      add(c.source === null ? '(bundler)' : moduleOf(map.sources[c.source] ?? '?'), end - c.col);
    }
  }
  return perSource;
}

/** A source path as a reader names it: the npm package, or the project file. */
export function moduleOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = source.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^\/?(@fs)?\//, '').replace(/\?.*$/, '');
  const inRepo = clean.startsWith(REPO_ROOT.replace(/^\//, '')) ? relative(REPO_ROOT, '/' + clean) : clean;
  return inRepo.startsWith('.wxt/') || inRepo.includes('virtual:') || inRepo.startsWith('\0') ? '(wxt runtime)' : inRepo;
}

/** WXT's logger prints a build summary; the bench prints its own. */
function quietLogger(): Logger {
  const silent = () => undefined;
  return {
    debug: silent, log: silent, info: silent, success: silent, level: 0,
    warn: (...a: unknown[]) => console.warn('[wxt]', ...a),
    error: (...a: unknown[]) => console.error('[wxt]', ...a),
    fatal: (...a: unknown[]) => console.error('[wxt]', ...a),
  };
}

#!/usr/bin/env node
// addons.mozilla.org asks for the sources of a bundled extension and rebuilds it from them.
// This does what the reviewer will do: unpacks the sources zip that `wxt zip -b firefox`
// made into an empty folder, builds it there, and checks that every file of the result is
// byte for byte the one in the extension zip. The reviewer runs `npm ci` from the same
// package-lock.json; here the project's node_modules stands in for it (no network).
//
//   node scripts/check-firefox-sources.mjs
import JSZip from 'jszip'; // comes with wxt, whose zip command uses it
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const extensionZip = resolve(`.output/${name}-${version}-firefox.zip`);
const sourcesZip = resolve(`.output/${name}-${version}-sources.zip`);
/** The build command a reviewer runs (docs/firefox.md): build:firefox in package.json. */
const BUILD_ARGS = ['build', '-b', 'firefox', '--mv2'];
const BUILT_DIR = '.output/firefox-mv2';

async function unzip(zipPath, into) {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const files = new Map();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const content = await entry.async('nodebuffer');
    files.set(entry.name, content);
    if (into) {
      mkdirSync(dirname(join(into, entry.name)), { recursive: true });
      writeFileSync(join(into, entry.name), content);
    }
  }
  return files;
}

function listFiles(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), root) : [relative(root, join(dir, e.name))]);
}

const work = mkdtempSync(join(tmpdir(), 'crosscheck-sources-'));
try {
  const sources = await unzip(sourcesZip, work);
  const shipped = await unzip(extensionZip);
  const forbidden = [...sources.keys()].filter((f) => /^(node_modules|\.output|tests|web-ext-artifacts)\//.test(f));
  symlinkSync(resolve('node_modules'), join(work, 'node_modules'), 'dir');
  execFileSync(resolve('node_modules/.bin/wxt'), BUILD_ARGS, { cwd: work, stdio: 'ignore' });

  const rebuilt = listFiles(join(work, BUILT_DIR)).sort();
  const differ = rebuilt.filter((f) => !shipped.get(f)?.equals(readFileSync(join(work, BUILT_DIR, f))));
  const missing = [...shipped.keys()].filter((f) => !rebuilt.includes(f));
  console.log(`sources zip: ${sources.size} files; rebuilt ${rebuilt.length} files, extension zip ${shipped.size}`);
  for (const f of forbidden) console.log(`  should not be in the sources: ${f}`);
  for (const f of differ) console.log(`  differs or only in the rebuild: ${f}`);
  for (const f of missing) console.log(`  only in the extension zip: ${f}`);
  if (forbidden.length + differ.length + missing.length > 0) {
    console.log('✖ the sources do not rebuild the extension zip');
    process.exitCode = 1;
  } else {
    console.log('✔ the sources rebuild the extension zip byte for byte');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

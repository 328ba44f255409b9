#!/usr/bin/env node
// Checks the Chrome Web Store package that `wxt zip` made for this version, as the store's
// upload would see it: the manifest at the root of the zip, Manifest V3, only the permissions
// the README explains, every icon it names inside the zip, no source maps; then says where it is.
// jszip comes with wxt (its zip command uses it).
import JSZip from 'jszip';
import { existsSync, readFileSync, statSync } from 'node:fs';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
const zipPath = `.output/${name}-${version}-chrome.zip`;
if (!existsSync(zipPath)) {
  console.error(`No ${zipPath}: run \`npm run zip\` (wxt zip) first.`);
  process.exit(1);
}
const zip = await JSZip.loadAsync(readFileSync(zipPath));
const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
const problems = [];
const manifestFile = zip.file('manifest.json');
if (!manifestFile) problems.push('manifest.json is not at the root of the zip');
const manifest = manifestFile ? JSON.parse(await manifestFile.async('string')) : {};
if (manifest.manifest_version !== 3) problems.push(`manifest_version is ${manifest.manifest_version}, the store takes 3`);
if (manifest.version !== version) problems.push(`manifest version ${manifest.version}, package.json ${version}`);
const permissions = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? []), ...(manifest.optional_permissions ?? [])];
if (permissions.join() !== 'storage') problems.push(`permissions ${JSON.stringify(permissions)}; the README explains only "storage"`);
for (const icon of Object.values(manifest.icons ?? {})) if (!files.includes(icon)) problems.push(`icon ${icon} is named in the manifest but not in the zip`);
const maps = files.filter((f) => f.endsWith('.map'));
if (maps.length) problems.push(`source maps in the package: ${maps.join(', ')}`);

if (problems.length) {
  for (const p of problems) console.error(`${zipPath}: ${p}`);
  process.exit(1);
}
console.log(
  `Chrome Web Store package: ${zipPath} (${files.length} files, ${(statSync(zipPath).size / 1024).toFixed(0)} KB; Manifest V3, permissions: storage). ` +
    'Privacy answers for the listing: PRIVACY.md.',
);

// Where the demo and the end-to-end tests look for their browsers, on a made-up file system:
// an explicit path wins, then the command names on PATH in order, then the install folders;
// with none, one line says what to install.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserNotFoundError, CHROMIUM_MISSING, FIREFOX_MISSING, chromiumPath, findChromium, findFirefox, firefoxPath } from '../e2e/browsers';

const root = mkdtempSync(join(tmpdir(), 'crosscheck-browsers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** An executable file (or not) at root/dir/name. */
function file(dir: string, name: string, executable = true): string {
  const path = join(root, dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}
const dir = (name: string) => {
  const path = join(root, name);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path);
  return path;
};

describe('finding Chromium or Chrome', () => {
  it('takes CHROME_PATH first, even when others are installed', () => {
    const bin = dir('bin1');
    file('bin1', 'chromium');
    const chosen = file('bin1', 'my-chrome');
    expect(findChromium({ env: { CHROME_PATH: chosen, PATH: bin }, installPaths: [] })).toBe(chosen);
  });

  it('says in one line when CHROME_PATH is not an executable, instead of quietly taking another', () => {
    const bin = dir('bin2');
    file('bin2', 'chromium');
    const notExecutable = file('bin2', 'chrome-notes.txt', false);
    expect(() => findChromium({ env: { CHROME_PATH: notExecutable, PATH: bin }, installPaths: [] })).toThrow(
      new BrowserNotFoundError(`CHROME_PATH=${notExecutable} is not an executable file.`),
    );
  });

  it('prefers Chromium to Google Chrome on PATH, and finds Chrome when it is the only one', () => {
    const bin = dir('bin3');
    file('bin3', 'google-chrome');
    expect(findChromium({ env: { PATH: bin }, installPaths: [] })).toBe(join(bin, 'google-chrome'));
    file('bin3', 'chromium-browser');
    expect(findChromium({ env: { PATH: bin }, installPaths: [] })).toBe(join(bin, 'chromium-browser'));
  });

  it('looks in the install folders when PATH has none', () => {
    const installed = file('bin3', 'Chromium');
    expect(findChromium({ env: { PATH: dir('empty1') }, installPaths: [join(root, 'nowhere', 'chrome'), installed] })).toBe(installed);
  });

  it('with none at all, the error is the one line saying what to install', () => {
    const places = { env: { PATH: dir('empty2') }, installPaths: [] };
    expect(findChromium(places)).toBeNull();
    expect(() => chromiumPath(places)).toThrow(new BrowserNotFoundError(CHROMIUM_MISSING));
    expect(CHROMIUM_MISSING).not.toContain('\n');
    expect(CHROMIUM_MISSING).toMatch(/install Chromium.*apt-get install chromium.*CHROME_PATH/);
  });
});

describe('finding Firefox', () => {
  it('takes FIREFOX_PATH, then firefox-esr before firefox', () => {
    const bin = dir('bin4');
    file('bin4', 'firefox');
    expect(findFirefox({ env: { PATH: bin }, installPaths: [] })).toBe(join(bin, 'firefox'));
    file('bin4', 'firefox-esr');
    expect(findFirefox({ env: { PATH: bin }, installPaths: [] })).toBe(join(bin, 'firefox-esr'));
    const chosen = file('bin4', 'nightly');
    expect(findFirefox({ env: { FIREFOX_PATH: chosen, PATH: bin }, installPaths: [] })).toBe(chosen);
  });

  it('with none, one line says what to install', () => {
    expect(() => firefoxPath({ env: { PATH: dir('empty3') }, installPaths: [] })).toThrow(new BrowserNotFoundError(FIREFOX_MISSING));
    expect(FIREFOX_MISSING).toMatch(/install Firefox ESR or Firefox.*FIREFOX_PATH/);
  });
});

// Finds the browsers the demo, the end-to-end tests and the benchmarks drive, wherever they
// are installed: an explicit path first (CHROME_PATH, FIREFOX_PATH), then the usual install
// paths and command names. When there is none, the error is one line saying what to install.
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Thrown when no browser is found; its message is the one line to show. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export const CHROMIUM_MISSING =
  'No Chromium or Google Chrome found: install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROME_PATH to the browser executable.';
export const FIREFOX_MISSING =
  'No Firefox found: install Firefox ESR or Firefox (Debian: apt-get install firefox-esr) or set FIREFOX_PATH to the browser executable.';

// Chromium before Chrome: Google's branded Chrome (137 and later) ignores --load-extension.
const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ...(process.env.PROGRAMFILES ? [join(process.env.PROGRAMFILES, 'Google/Chrome/Application/chrome.exe')] : []),
];
const FIREFOX_NAMES = ['firefox-esr', 'firefox'];
const FIREFOX_PATHS = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  ...(process.env.PROGRAMFILES ? [join(process.env.PROGRAMFILES, 'Mozilla Firefox/firefox.exe')] : []),
];

function isExecutable(path: string): boolean {
  try {
    if (!existsSync(path) || !statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Where to look; the defaults are this process's environment and the usual install folders. */
export interface SearchPlaces {
  env?: NodeJS.ProcessEnv;
  installPaths?: readonly string[];
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const candidate of process.platform === 'win32' ? [join(dir, `${name}.exe`)] : [join(dir, name)]) {
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function find(envNames: readonly string[], names: readonly string[], paths: readonly string[], env: NodeJS.ProcessEnv): string | null {
  for (const name of envNames) {
    const value = env[name];
    if (!value) continue;
    // An explicit choice that does not work is an error, not a reason to pick another browser.
    if (!isExecutable(value)) throw new BrowserNotFoundError(`${name}=${value} is not an executable file.`);
    return value;
  }
  for (const name of names) {
    const found = onPath(name, env);
    if (found) return found;
  }
  return paths.find(isExecutable) ?? null;
}

/** Chromium or Chrome: CHROME_PATH (CHROMIUM_PATH also accepted), then the usual names and paths; null when none. */
export function findChromium({ env = process.env, installPaths = CHROMIUM_PATHS }: SearchPlaces = {}): string | null {
  return find(['CHROME_PATH', 'CHROMIUM_PATH'], CHROMIUM_NAMES, installPaths, env);
}

/** Firefox: FIREFOX_PATH, then firefox-esr, then firefox; null when none. */
export function findFirefox({ env = process.env, installPaths = FIREFOX_PATHS }: SearchPlaces = {}): string | null {
  return find(['FIREFOX_PATH'], FIREFOX_NAMES, installPaths, env);
}

export function chromiumPath(places: SearchPlaces = {}): string {
  const path = findChromium(places);
  if (!path) throw new BrowserNotFoundError(CHROMIUM_MISSING);
  return path;
}

export function firefoxPath(places: SearchPlaces = {}): string {
  const path = findFirefox(places);
  if (!path) throw new BrowserNotFoundError(FIREFOX_MISSING);
  return path;
}

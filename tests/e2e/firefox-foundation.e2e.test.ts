import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { GECKO_ID } from '../../wxt.config';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox';

const SEED_IDS = readdirSync('seeds').filter((n) => n.endsWith('.txt')).map((n) => n.replace(/\.txt$/, '')).sort();

interface StoredReport { id: string; origin: string; title: string | null; outlet: string | null; date: string | null; text: string }

describe('the built extension in Firefox', () => {
  let firefox: FirefoxWithExtension;
  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension();
  });
  afterAll(async () => firefox?.close());

  it('installs under its own add-on id', () => {
    expect(firefox.addonId).toBe(GECKO_ID);
  });

  it('installs the five seed reports into the extension’s IndexedDB from its background page', async () => {
    // Any document of the extension's origin sees the background's database. The icon asks
    // the background nothing, so the seeds found here were installed by the background itself.
    const page = await firefox.openExtensionPage('icon.svg');
    const read = () => page.evaluate(() => new Promise<StoredReport[]>((resolve, reject) => {
      const open = indexedDB.open('crosscheck');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('reports')) {
          db.close();
          return resolve([]);
        }
        const all = db.transaction('reports').objectStore('reports').getAll();
        all.onsuccess = () => {
          db.close();
          resolve(all.result as StoredReport[]);
        };
        all.onerror = () => reject(all.error);
      };
    }));
    await expect.poll(async () => (await read()).map((r) => r.id).sort(), { timeout: 15_000 }).toEqual(SEED_IDS);
    const reports = await read();
    expect(reports.every((r) => r.origin === 'seed' && r.text.length > 1000)).toBe(true);
    expect(reports.find((r) => r.id === '001_14d4b8edd7d3672e')).toMatchObject({ outlet: 'Athens News', date: '2024-10-08' });
    await page.close();
  });

  it('opens the popup at its moz-extension:// address, which reports the corpus size', async () => {
    const page = await firefox.openExtensionPage('popup.html');
    // page.url() stays about:blank: puppeteer hears no navigation events for extension pages.
    expect(await page.evaluate(() => location.href)).toBe(firefox.extensionUrl('popup.html'));
    const sizeText = () => page.evaluate(() => document.body.innerText);
    await expect.poll(sizeText, { timeout: 15_000 }).toMatch(/\b5 reports\b/);
    await page.close();
  });

  it('opens the options page, which lists the five shipped reports', async () => {
    const page = await firefox.openExtensionPage('options.html');
    const listed = () => page.evaluate(() => [...document.querySelectorAll('[data-testid="report-list"] li[data-report-id]')].map((li) => li.getAttribute('data-report-id')));
    await expect.poll(async () => (await listed()).sort(), { timeout: 15_000 }).toEqual(SEED_IDS);
    await page.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { launchWithExtension, type ExtensionBrowser } from './chromium';

const SEED_IDS = readdirSync('seeds').filter((n) => n.endsWith('.txt')).map((n) => n.replace(/\.txt$/, '')).sort();

describe('the built extension in Chromium', () => {
  let browser: ExtensionBrowser;
  beforeAll(async () => {
    browser = await launchWithExtension();
  });
  afterAll(async () => browser?.close());

  it('starts its service worker and installs the five seed reports into IndexedDB', async () => {
    const sw = await browser.serviceWorker();
    const read = () => sw.evaluate(() => new Promise<{ id: string; origin: string; title: string | null; text: string }[]>((resolve, reject) => {
      const open = indexedDB.open('crosscheck');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('reports')) return resolve([]);
        const all = db.transaction('reports').objectStore('reports').getAll();
        all.onsuccess = () => resolve(all.result);
        all.onerror = () => reject(all.error);
      };
    }));
    await expect.poll(async () => (await read()).map((r) => r.id).sort(), { timeout: 15_000 }).toEqual(SEED_IDS);
    const reports = await read();
    expect(reports.every((r) => r.origin === 'seed' && r.text.length > 1000)).toBe(true);
    expect(reports.find((r) => r.id === '001_14d4b8edd7d3672e')).toMatchObject({ outlet: 'Athens News', date: '2024-10-08' });
  });

  it('opens the popup, which reports the corpus size', async () => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    await page.getByText('5 reports', { exact: false }).first().waitFor({ timeout: 15_000 });
    await page.close();
  });
});

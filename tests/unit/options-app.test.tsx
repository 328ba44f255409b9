// @vitest-environment happy-dom
// The options page against the real background: OptionsApp → askBackground → the real
// handlers → Dexie on fake-indexeddb and settings in fake extension storage.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { askBackground, broadcast, handleRequests } from '../../adapters/messaging';
import { readSettings } from '../../adapters/settings';
import { OptionsApp } from '../../components/options/OptionsApp';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { REQUEST_SENDERS, type BackgroundRequests } from '../../lib/protocol';
import { installChromeMessaging } from './helpers/chrome-messaging';
import { expectAccessible } from './helpers/axe';

let container: HTMLElement;
let dbCount = 0;

beforeEach(async () => {
  fakeBrowser.reset();
  installChromeMessaging();
  const corpus = new Corpus(new CrosscheckDB(`crosscheck-options-test-${++dbCount}`), seedReports(), () => broadcast('corpus/changed', null));
  handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
  await corpus.installSeeds();
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<OptionsApp />, container));
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const items = () => [...container.querySelectorAll('[data-testid="report-list"] li')];
const button = (name: RegExp, root: ParentNode = container) => [...root.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

/** Waits for what the reader would see, re-rendering as the background answers. */
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(() => new Promise((r) => setTimeout(r, 5)));
  }
  throw new Error(`never saw: ${what}`);
}

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the options page with the real background', () => {
  it('lists the seeds, shows one in full, adds a pasted report, deletes it after confirmation', async () => {
    await until(() => items().length === 5, 'five seeds');
    expect(byTestId('corpus-counts')?.textContent).toContain('5 reports: 5 shipped with Crosscheck (seeds), 0 added by you.');

    await act(() => items()[0]!.querySelector('button')!.click());
    await until(() => byTestId('report-detail') !== null, 'a report in full');
    expect(byTestId('seed-note')?.textContent).toContain('cannot be deleted');

    await act(() => {
      type(container.querySelector<HTMLInputElement>('#add-title')!, 'Pasted: 2,600 soldiers by train');
      type(container.querySelector<HTMLTextAreaElement>('#add-text')!, 'Ukraine said 2,600 North Korean soldiers were taken by train to Kursk.');
    });
    await act(() => button(/Add the report/)!.click());
    await until(() => items().length === 6, 'the added report in the list');
    expect(byTestId('add-outcome')?.textContent).toBe('Added “Pasted: 2,600 soldiers by train” to your reports.');
    const added = items().find((li) => li.textContent?.includes('Added by you'))!;
    expect(added.textContent).toContain('Pasted: 2,600 soldiers by train');

    await act(() => added.querySelector('button')!.click());
    await until(() => container.querySelector('#report-detail-title')?.textContent === 'Pasted: 2,600 soldiers by train', 'the added report open');
    await act(() => button(/Delete this report/)!.click());
    await act(() => button(/Yes, delete it/)!.click());
    await until(() => items().length === 5, 'the report gone');
    expect(byTestId('reports-notice')?.textContent).toBe('Deleted “Pasted: 2,600 soldiers by train”.');
    expect(byTestId('report-detail')).toBeNull();
    expect((await askBackground('corpus/stats', null)).ok).toBe(true);

    await expectAccessible(container);
  });

  it('imports a good and a malformed file, showing what was added and what was skipped and why', async () => {
    await until(() => items().length === 5, 'five seeds');
    const input = container.querySelector<HTMLInputElement>('#import-files')!;
    const files = [
      new File([JSON.stringify({ reports: [{ title: 'Imported one', outlet: 'Tests Gazette', text: 'Pyongyang denied sending troops.' }] })], 'good.json'),
      new File(['{"reports": ['], 'broken.json'),
    ];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await until(() => /Imported 1 report\./.test(byTestId('import-summary')?.textContent ?? ''), 'the import summary');
    expect(byTestId('import-summary')?.textContent).toMatch(/broken\.json: not valid JSON/);
    await until(() => items().length === 6, 'the imported report in the list');
    expect(items().some((li) => li.textContent?.includes('Imported one'))).toBe(true);
  });

  it('saves the settings and shows changes made elsewhere', async () => {
    await until(() => container.querySelector('#sensitivity') !== null, 'the settings');
    const range = container.querySelector<HTMLInputElement>('#sensitivity')!;
    await act(() => {
      range.value = '0.3';
      range.dispatchEvent(new Event('input', { bubbles: true }));
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => byTestId('settings-outcome')?.textContent === 'Sensitivity set to 0.30.', 'the saved sensitivity');
    expect((await readSettings()).sensitivity).toBe(0.3);

    await act(() => type(container.querySelector<HTMLInputElement>('#pause-host')!, 'www.example.com'));
    await act(() => button(/Pause this site/)!.click());
    await until(() => byTestId('paused-sites')?.textContent?.includes('example.com') === true, 'the paused site');
    expect((await readSettings()).pausedSites).toEqual(['example.com']);

    // The popup pauses another site while this page is open.
    await askBackground('settings/set', { pausedSites: ['example.com', 'news.example.org'] });
    await until(() => byTestId('paused-sites')?.textContent?.includes('news.example.org') === true, 'the site paused from the popup');
  });
});

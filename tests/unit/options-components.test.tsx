// @vitest-environment happy-dom
// The options page's parts, given the real seed reports and a report the reader added:
// what the reader sees, what each control does, and an accessibility check of each.
import { reportLead } from '../../lib/report-name';
import { readdirSync, readFileSync } from 'node:fs';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AddReportForm } from '../../components/options/AddReportForm';
import { exportFileName, ImportExport } from '../../components/options/ImportExport';
import { ReportDetail } from '../../components/options/ReportDetail';
import { ReportList } from '../../components/options/ReportList';
import { hostFromInput, SettingsForm } from '../../components/options/SettingsForm';
import { DEFAULT_SETTINGS, err, ok, type Settings } from '../../lib/protocol';
import { makeUserReport } from '../../lib/report-import';
import { parseReportText } from '../../lib/report-text';
import type { Report } from '../../lib/types';
import { expectAccessible } from './helpers/axe';

const SEEDS: Report[] = readdirSync('seeds')
  .filter((n) => n.endsWith('.txt'))
  .sort()
  .map((n) => parseReportText(n.replace(/\.txt$/, ''), readFileSync(`seeds/${n}`, 'utf8'), { origin: 'seed' }));
const ADDED = makeUserReport(
  { title: 'Kremlin silent on reports of North Korean units in Kursk', outlet: 'Tests Gazette', date: '2024-11-04', text: 'First paragraph.\n\nSecond paragraph.' },
  Date.UTC(2024, 10, 5),
);
const LIST = [ADDED, ...SEEDS].map(({ text, ...rest }) => ({ ...rest, lead: reportLead(text) }));

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const show = (node: preact.ComponentChild) => act(() => render(node, container));
const buttons = (name: RegExp) => [...container.querySelectorAll('button')].filter((b) => name.test(b.textContent ?? ''));
const button = (name: RegExp) => buttons(name)[0];
const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Lets the promises a click started settle, then renders. */
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});

describe('ReportList', () => {
  it('lists seeds and added reports with their origin, title, outlet and date, and selects one', async () => {
    const onSelect = vi.fn();
    await show(<ReportList reports={LIST} selectedId={SEEDS[1]!.id} onSelect={onSelect} />);
    const items = [...container.querySelectorAll('li')];
    expect(items).toHaveLength(6);
    expect(items[0]?.textContent).toContain('Added by you');
    expect(items[0]?.textContent).toContain('Kremlin silent on reports');
    expect(items[0]?.textContent).toContain('Tests Gazette');
    expect(items[0]?.textContent).toContain('4 Nov 2024');
    expect(items.filter((li) => li.textContent?.includes('Seed'))).toHaveLength(5);
    // The Athens News seed states its outlet and date in its masthead.
    const athens = items.find((li) => li.getAttribute('data-report-id') === '001_14d4b8edd7d3672e');
    expect(athens?.textContent).toContain('Athens News');
    expect(athens?.textContent).toContain('8 Oct 2024');
    expect(athens?.querySelector('button')?.getAttribute('aria-current')).toBe('true');
    await act(() => items[0]!.querySelector('button')!.click());
    expect(onSelect).toHaveBeenCalledWith(ADDED.id);
    await expectAccessible(container);
  });
});

describe('ReportDetail', () => {
  it('shows a seed in full and explains why it cannot be deleted', async () => {
    const seed = SEEDS.find((s) => s.id === '004_8cbaaadb9775d755')!;
    await show(<ReportDetail report={seed} onDelete={vi.fn()} />);
    expect(container.querySelector('h3')?.textContent).toBe(seed.title);
    expect(byTestId('report-text')?.textContent?.replace(/\s+/g, ' ')).toContain('North Korea plans to deploy 12,000 troops');
    expect(byTestId('report-text')?.querySelectorAll('p').length).toBe(seed.text.split(/\n\s*\n/).filter((p) => p.trim()).length);
    expect(byTestId('seed-note')?.textContent).toContain('cannot be deleted');
    expect(button(/Delete/)).toBeUndefined();
    await expectAccessible(container);
  });

  it('deletes an added report only after confirmation, with focus on Cancel', async () => {
    const onDelete = vi.fn().mockResolvedValue(ok(null));
    await show(<ReportDetail report={ADDED} onDelete={onDelete} />);
    await act(() => button(/Delete this report/)!.click());
    expect(onDelete).not.toHaveBeenCalled();
    expect(container.textContent).toContain(`Delete “${ADDED.title}”?`);
    expect(document.activeElement?.textContent).toBe('Cancel');
    await expectAccessible(container);
    await act(() => button(/Cancel/)!.click());
    expect(button(/Yes, delete it/)).toBeUndefined();
    await act(() => button(/Delete this report/)!.click());
    await act(() => button(/Yes, delete it/)!.click());
    await settle();
    expect(onDelete).toHaveBeenCalledWith(ADDED.id);
  });

  it('shows a failed deletion plainly', async () => {
    await show(<ReportDetail report={ADDED} onDelete={vi.fn().mockResolvedValue(err('Seed reports ship with Crosscheck and cannot be deleted'))} />);
    await act(() => button(/Delete this report/)!.click());
    await act(() => button(/Yes, delete it/)!.click());
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Could not delete the report: Seed reports ship with Crosscheck and cannot be deleted');
  });
});

describe('AddReportForm', () => {
  it('refuses an empty text with a message tied to the field, then adds and confirms with the title', async () => {
    const onAdd = vi.fn().mockImplementation(async (input) => ok(makeUserReport(input, 1)));
    await show(<AddReportForm onAdd={onAdd} />);
    await expectAccessible(container);
    const text = container.querySelector<HTMLTextAreaElement>('#add-text')!;
    await act(() => button(/Add the report/)!.click());
    expect(onAdd).not.toHaveBeenCalled();
    expect(text.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${text.getAttribute('aria-describedby')}`)?.textContent).toContain('Paste the text');
    await expectAccessible(container);

    await act(() => {
      type(container.querySelector<HTMLInputElement>('#add-title')!, '  Seoul: troops near the front ');
      type(container.querySelector<HTMLInputElement>('#add-outlet')!, 'Example Daily');
      type(container.querySelector<HTMLInputElement>('#add-date')!, '2024-10-25');
      type(container.querySelector<HTMLInputElement>('#add-url')!, 'https://example.org/a');
      type(text, 'Some 3,000 North Korean troops moved toward the front line.');
    });
    await act(() => button(/Add the report/)!.click());
    await settle();
    expect(onAdd).toHaveBeenCalledWith({
      title: 'Seoul: troops near the front', outlet: 'Example Daily', date: '2024-10-25', url: 'https://example.org/a',
      text: 'Some 3,000 North Korean troops moved toward the front line.',
    });
    expect(byTestId('add-outcome')?.textContent).toBe('Added “Seoul: troops near the front” to your reports.');
    expect(text.value).toBe('');
  });

  it('keeps what the reader typed when the background refuses the report', async () => {
    await show(<AddReportForm onAdd={vi.fn().mockResolvedValue(err('The report is too long'))} />);
    await act(() => type(container.querySelector<HTMLTextAreaElement>('#add-text')!, 'x'.repeat(20)));
    await act(() => button(/Add the report/)!.click());
    await settle();
    expect(byTestId('add-outcome')?.textContent).toBe('The report was not added: The report is too long');
    expect(container.querySelector<HTMLTextAreaElement>('#add-text')!.value).toBe('x'.repeat(20));
  });
});

describe('ImportExport', () => {
  it('offers a labelled multi-file input for .json and .txt, and lists skipped entries with reasons', async () => {
    const onImport = vi.fn().mockResolvedValue(ok({ added: 1, skipped: [{ name: 'broken.json', reason: 'not valid JSON (Unexpected token)' }] }));
    await show(<ImportExport addedCount={2} onImport={onImport} onExport={vi.fn()} />);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('.json,.txt');
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toContain('Choose files to import');
    await expectAccessible(container);

    const files = [new File(['{"reports":[]}'], 'good.json', { type: 'application/json' }), new File(['{'], 'broken.json')];
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await expect.poll(() => byTestId('import-summary')?.textContent).toContain('Imported 1 report.');
    expect(onImport).toHaveBeenCalledWith([{ name: 'good.json', text: '{"reports":[]}' }, { name: 'broken.json', text: '{' }]);
    expect(byTestId('import-summary')?.textContent).toContain('Skipped 1 entry:');
    expect(byTestId('import-summary')?.textContent).toContain('broken.json: not valid JSON (Unexpected token)');
    await expectAccessible(container);
  });

  it('downloads the export as a dated JSON file through a Blob URL', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:crosscheck-test';
    });
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
    });
    await show(<ImportExport addedCount={2} onImport={vi.fn()} onExport={vi.fn().mockResolvedValue(ok('{"reports":[1,2]}'))} />);
    await act(() => button(/Export my reports/)!.click());
    await settle();
    expect(clicked).toEqual([{ href: 'blob:crosscheck-test', download: exportFileName(new Date()) }]);
    expect(await created[0]?.text()).toBe('{"reports":[1,2]}');
    expect(created[0]?.type).toBe('application/json');
    expect(byTestId('export-outcome')?.textContent).toContain('Exported 2 reports as crosscheck-reports-');
  });
});

describe('SettingsForm', () => {
  it('reads a host from what the reader types', () => {
    expect(hostFromInput('www.Example.com')).toBe('example.com');
    expect(hostFromInput('https://news.example.org/world/story?id=1')).toBe('news.example.org');
    expect(hostFromInput('127.0.0.1')).toBe('127.0.0.1');
    expect(hostFromInput('not a host')).toBeNull();
    expect(hostFromInput('')).toBeNull();
  });

  it('labels the sensitivity slider with its ends and saves a change', async () => {
    const onChange = vi.fn().mockImplementation(async (patch: Partial<Settings>) => ok({ ...DEFAULT_SETTINGS, ...patch }));
    await show(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const range = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    expect(container.querySelector(`label[for="${range.id}"]`)?.textContent).toContain('Sensitivity of topic detection');
    expect([range.min, range.max]).toEqual(['0', '1']);
    expect(container.textContent).toContain('Fewer pages');
    expect(container.textContent).toContain('More pages');
    expect(range.getAttribute('aria-valuetext')).toBe('0.50, balanced');
    await expectAccessible(container);

    await act(() => {
      range.value = '0.8';
      range.dispatchEvent(new Event('input', { bubbles: true }));
      range.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await settle();
    expect(onChange).toHaveBeenCalledWith({ sensitivity: 0.8 });
    expect(byTestId('sensitivity-value')?.textContent).toBe('0.80');
    expect(range.getAttribute('aria-valuetext')).toContain('more pages');
    expect(byTestId('settings-outcome')?.textContent).toBe('Sensitivity set to 0.80.');
  });

  it('lists paused sites with remove buttons and pauses a typed host', async () => {
    const settings = { ...DEFAULT_SETTINGS, pausedSites: ['a.example', 'b.example'] };
    const onChange = vi.fn().mockImplementation(async (patch: Partial<Settings>) => ok({ ...settings, ...patch }));
    await show(<SettingsForm settings={settings} onChange={onChange} />);
    expect([...container.querySelectorAll('[data-testid="paused-sites"] li span')].map((s) => s.textContent)).toEqual(['a.example', 'b.example']);
    const remove = container.querySelector<HTMLButtonElement>('button[aria-label^="Remove b.example"]')!;
    await act(() => remove.click());
    await settle();
    expect(onChange).toHaveBeenLastCalledWith({ pausedSites: ['a.example'] });

    const host = container.querySelector<HTMLInputElement>('#pause-host')!;
    await act(() => type(host, 'nonsense host'));
    await act(() => button(/Pause this site/)!.click());
    expect(host.getAttribute('aria-invalid')).toBe('true');
    expect(container.textContent).toContain('Type a site’s address');
    await expectAccessible(container);
    await act(() => type(host, 'https://www.news.example.com/x'));
    await act(() => button(/Pause this site/)!.click());
    await settle();
    expect(onChange).toHaveBeenLastCalledWith({ pausedSites: ['a.example', 'b.example', 'news.example.com'] });
    expect(host.value).toBe('');
  });

  it('keeps the last of several quick slider steps when the older save answers last', async () => {
    // Two ArrowLeft presses save twice; the first reply is held back until after the second.
    const replies: ((value: Settings) => void)[] = [];
    const onChange = vi.fn().mockImplementation(
      (patch: Partial<Settings>) => new Promise((resolve) => replies.push((value) => resolve(ok({ ...value, ...patch })))),
    );
    await show(<SettingsForm settings={DEFAULT_SETTINGS} onChange={onChange} />);
    const range = container.querySelector<HTMLInputElement>('input[type="range"]')!;
    for (const value of ['0.45', '0.4']) {
      await act(() => {
        range.value = value;
        range.dispatchEvent(new Event('input', { bubbles: true }));
        range.dispatchEvent(new Event('change', { bubbles: true }));
      });
    }
    expect(replies).toHaveLength(2);
    await act(() => replies[1]!(DEFAULT_SETTINGS));
    await act(() => replies[0]!(DEFAULT_SETTINGS));
    await settle();
    expect(byTestId('settings-outcome')?.textContent).toBe('Sensitivity set to 0.40.');
    expect(byTestId('sensitivity-value')?.textContent).toBe('0.40');
  });

  it('shows a refused setting plainly', async () => {
    await show(<SettingsForm settings={DEFAULT_SETTINGS} onChange={vi.fn().mockResolvedValue(err('storage is full'))} />);
    await act(() => container.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    await settle();
    expect(byTestId('settings-outcome')?.textContent).toBe('The setting was not saved: storage is full');
  });
});

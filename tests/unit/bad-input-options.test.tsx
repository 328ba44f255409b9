// @vitest-environment happy-dom
// The options page's import refuses a file over the size limit by its size: it is never
// read into memory nor sent to the background, and the reader sees why, beside the
// outcome of the other files chosen with it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { ImportExport } from '../../components/options/ImportExport';
import { ok } from '../../lib/protocol';
import { MAX_IMPORT_BYTES } from '../../lib/report-import';

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

it('a 50 MB file is refused unread, with the limit named; the small file chosen with it is imported', async () => {
  const onImport = vi.fn().mockResolvedValue(ok({ added: 1, skipped: [] }));
  await act(() => render(<ImportExport addedCount={0} onImport={onImport} onExport={vi.fn()} />, container));
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const huge = new File([new Uint8Array(50 * 1024 * 1024)], 'huge.json', { type: 'application/json' });
  const small = new File([JSON.stringify([{ title: 'T', text: 'North Korea sent troops.' }])], 'small.json');
  const read = vi.spyOn(Blob.prototype, 'text');
  Object.defineProperty(input, 'files', { value: [huge, small], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));

  const summary = () => container.querySelector('[data-testid="import-summary"]')?.textContent ?? '';
  await expect.poll(summary).toContain('Imported 1 report.');
  expect(summary()).toContain('huge.json: too large (50.0 MB; the limit is 20 MB)');
  expect(read.mock.contexts.every((blob) => (blob as Blob).size <= MAX_IMPORT_BYTES)).toBe(true);
  expect(onImport).toHaveBeenCalledTimes(1);
  expect(onImport.mock.calls[0]![0].map((f: { name: string }) => f.name)).toEqual(['small.json']);
});

it('when every file is too large, nothing is sent and the reasons are shown', async () => {
  const onImport = vi.fn();
  await act(() => render(<ImportExport addedCount={0} onImport={onImport} onExport={vi.fn()} />, container));
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const huge = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'just-over.txt');
  Object.defineProperty(input, 'files', { value: [huge], configurable: true });
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })));
  await expect.poll(() => container.querySelector('[data-testid="import-summary"]')?.textContent ?? '').toContain('just-over.txt: too large (20.0 MB; the limit is 20 MB)');
  expect(onImport).not.toHaveBeenCalled();
});

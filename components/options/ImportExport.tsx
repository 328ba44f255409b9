// Brings reports in from files (Crosscheck's JSON export, or .txt captures) and takes the
// reader's own reports out as one JSON file.
import { useRef, useState } from 'preact/hooks';
import type { ImportFile, ImportSummary, Result } from '../../lib/protocol';
import { planImport } from '../../lib/report-import';
import { plural } from '../format';

export interface ImportExportProps {
  addedCount: number;
  onImport(files: ImportFile[]): Promise<Result<ImportSummary>>;
  onExport(): Promise<Result<string>>;
}

/** The object URL of an export lives this long (ms): long enough for the browser to start the download. */
const EXPORT_URL_LIFETIME_MS = 60_000;

export function exportFileName(now: Date): string {
  return `crosscheck-reports-${now.toISOString().slice(0, 10)}.json`;
}

/** Hands a text to the browser as a file download. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), EXPORT_URL_LIFETIME_MS);
}

export function ImportExport({ addedCount, onImport, onExport }: ImportExportProps) {
  const input = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [exportMessage, setExportMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const importChosen = async () => {
    const chosen = [...(input.current?.files ?? [])];
    if (chosen.length === 0) return;
    setImporting(true);
    setSummary(null);
    setImportError(null);
    try {
      // Files over the limits (each, their number, all together) are refused by their sizes, never read into memory nor sent on.
      const { read: readable, refused } = planImport(chosen);
      const files: ImportFile[] = await Promise.all(readable.map(async (f) => ({ name: f.name, text: await f.text() })));
      const reply: Result<ImportSummary> = files.length > 0 ? await onImport(files) : { ok: true, value: { added: 0, skipped: [] } };
      if (reply.ok) setSummary({ ...reply.value, skipped: [...refused, ...reply.value.skipped] });
      else setImportError(reply.error);
    } catch (error) {
      setImportError(`Could not read the files: ${(error as Error).message}`);
    } finally {
      setImporting(false);
      // The same file can be chosen again after fixing it.
      if (input.current) input.current.value = '';
    }
  };

  const exportAll = async () => {
    setExportMessage(null);
    const reply = await onExport();
    if (!reply.ok) {
      setExportMessage({ ok: false, text: `Could not export: ${reply.error}` });
      return;
    }
    const name = exportFileName(new Date());
    downloadText(reply.value, name);
    setExportMessage({ ok: true, text: `Exported ${plural(addedCount, 'report')} as ${name}.` });
  };

  return (
    <div class="import-export">
      <div class="import">
        <h3 id="import-heading">Import</h3>
        <label for="import-files">Choose files to import (a Crosscheck JSON export, or one or more .txt files)</label>
        <input
          id="import-files"
          ref={input}
          type="file"
          multiple
          accept=".json,.txt"
          onChange={importChosen}
          disabled={importing}
          aria-describedby="import-help"
        />
        <p id="import-help" class="muted hint">
          A .txt file is one report: the headline on the first line, then the text. Entries that cannot be read are skipped and
          listed with the reason; nothing already in your corpus is lost.
        </p>
        <div aria-live="polite" data-testid="import-summary">
          {importing && <p>Importing…</p>}
          {importError && <p class="error-text">Nothing was imported: {importError}</p>}
          {summary && (
            <>
              <p class={summary.added > 0 ? 'ok-text' : undefined}>
                {summary.added > 0 ? `Imported ${plural(summary.added, 'report')}.` : 'No reports were imported.'}
              </p>
              {summary.keptBoth && summary.keptBoth.length > 0 && (
                <p data-testid="import-kept-both">
                  {plural(summary.keptBoth.length, 'imported report')} had the address of a report you added but other text. Yours{' '}
                  {summary.keptBoth.length === 1 ? 'is' : 'are'} unchanged; both are kept:{' '}
                  {summary.keptBoth.map((r) => r.title ?? r.url ?? 'untitled').join('; ')}.
                </p>
              )}
              {summary.skipped.length > 0 && (
                <>
                  <p class="error-text">Skipped {plural(summary.skipped.length, 'entry', 'entries')}:</p>
                  <ul class="skipped">
                    {summary.skipped.map((s, i) => (
                      <li key={i}>
                        <strong>{s.name}</strong>: {s.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      </div>
      <div class="export">
        <h3>Export</h3>
        <p class="muted">
          Saves the {plural(addedCount, 'report')} you added as one JSON file, which Crosscheck can import again. Seed reports ship
          with Crosscheck and are not exported.
        </p>
        <button type="button" class="secondary" onClick={exportAll}>
          Export my reports
        </button>
        <div aria-live="polite" data-testid="export-outcome">
          {exportMessage && <p class={exportMessage.ok ? 'ok-text' : 'error-text'}>{exportMessage.text}</p>}
        </div>
      </div>
    </div>
  );
}

// Saved claims out as files (JSON to import again, Markdown to read or share) and back in
// from a JSON export. A file that cannot be read is refused whole, with the reason; an
// unusable entry is skipped and listed.

import { useRef, useState } from 'preact/hooks';
import type { ClaimsExportFormat, ClaimsImportSummary, Result } from '../../lib/protocol';
import { claimsImportSizeRefusal } from '../../lib/sync/export';
import { plural } from '../format';

export interface ExportOutcome {
  ok: boolean;
  text: string;
}

export function claimsExportFileName(format: ClaimsExportFormat, now: Date): string {
  return `crosscheck-saved-claims-${now.toISOString().slice(0, 10)}.${format === 'json' ? 'json' : 'md'}`;
}

/** "Imported 3 claims; 1 was already saved." */
export function importSummaryLine(summary: ClaimsImportSummary): string {
  const already = summary.alreadySaved > 0 ? ` ${plural(summary.alreadySaved, 'claim was', 'claims were')} already saved.` : '';
  if (summary.added === 0) return `No new claims were imported.${already}`;
  return `Imported ${plural(summary.added, 'claim')}.${already}`;
}

export interface ClaimsImportExportProps {
  savedCount: number;
  onExport(format: ClaimsExportFormat): void;
  exportOutcome: ExportOutcome | null;
  onImport(text: string): Promise<Result<ClaimsImportSummary>>;
}

export function ClaimsImportExport({ savedCount, onExport, exportOutcome, onImport }: ClaimsImportExportProps) {
  const input = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState(false);
  const [summary, setSummary] = useState<ClaimsImportSummary | null>(null);
  const [importError, setImportError] = useState<string | null>(null);

  const importChosen = async () => {
    const file = input.current?.files?.[0];
    if (!file) return;
    setImporting(true);
    setSummary(null);
    setImportError(null);
    try {
      // Refused by its size, never read into memory nor sent on.
      const tooLarge = claimsImportSizeRefusal(file.size);
      if (tooLarge) {
        setImportError(tooLarge);
        return;
      }
      const reply = await onImport(await file.text());
      if (reply.ok) setSummary(reply.value);
      else setImportError(reply.error);
    } catch (error) {
      setImportError(`it could not be read (${(error as Error).message}).`);
    } finally {
      setImporting(false);
      // The same file can be chosen again after fixing it.
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div class="import-export saved-claims-files">
      <div class="export">
        <h3 id="saved-claims-export-heading">Export saved claims</h3>
        <p class="muted">
          {plural(savedCount, 'saved claim')}, in full (also those kept on this device only). JSON can be imported again; Markdown is for
          reading and sharing.
        </p>
        <div class="saved-claim__buttons">
          <button type="button" class="secondary" onClick={() => onExport('json')}>
            Export as JSON
          </button>
          <button type="button" class="secondary" onClick={() => onExport('markdown')}>
            Export as Markdown
          </button>
        </div>
        <div aria-live="polite" data-testid="claims-export-outcome">
          {exportOutcome && <p class={exportOutcome.ok ? 'ok-text' : 'error-text'}>{exportOutcome.text}</p>}
        </div>
      </div>
      <div class="import">
        <h3>Import saved claims</h3>
        <label for="import-saved-claims">Choose a Crosscheck saved-claims export (.json)</label>
        <input
          id="import-saved-claims"
          ref={input}
          type="file"
          accept=".json,application/json"
          onChange={importChosen}
          disabled={importing}
          aria-describedby="import-saved-claims-help"
        />
        <p id="import-saved-claims-help" class="muted hint">
          Adds the claims you have not saved yet; claims already saved, and their notes, stay as they are.
        </p>
        <div aria-live="polite" data-testid="claims-import-summary">
          {importing && <p>Importing…</p>}
          {importError && <p class="error-text">Could not import the file: {importError}</p>}
          {summary && (
            <>
              <p class={summary.added > 0 ? 'ok-text' : undefined}>{importSummaryLine(summary)}</p>
              {summary.skipped.length > 0 && (
                <>
                  <p class="error-text">Skipped {plural(summary.skipped.length, 'entry', 'entries')} of the file:</p>
                  <ul class="skipped">
                    {summary.skipped.map((s) => (
                      <li key={s.index}>
                        <strong>Claim {s.index + 1}</strong>: {s.reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      </div>
    </div>
  );
}

// Where the saved claims stand with the browser's sync storage, in the engine's own words,
// with what sync storage holds, and — when sync is full or a claim is too large — the way
// out: export keeps everything in full; removing claims no longer needed makes room.

import type { SyncStatus } from '../../lib/protocol';
import { plural } from '../format';

/** States in which some claims or changes stay on this device only. */
const STUCK: ReadonlySet<SyncStatus['state']> = new Set(['quota-full', 'too-large', 'error', 'unsupported-format']);

function kilobytes(bytes: number): string {
  const kb = bytes / 1024;
  return `${kb < 10 ? kb.toFixed(1) : Math.round(kb).toLocaleString('en')} KB`;
}

/** "Sync storage holds 12.3 KB of 100 KB and 25 of 512 items." */
export function usageLine(status: SyncStatus): string {
  return `Sync storage holds ${kilobytes(status.bytesInUse)} of ${kilobytes(status.quotaBytes)} and ${status.itemsInUse.toLocaleString('en')} of ${plural(status.maxItems, 'item')}.`;
}

export interface SyncStatusPanelProps {
  status: SyncStatus | null;
  error: string | null;
  onExportJson(): void;
  onShowOldestFirst(): void;
}

export function SyncStatusPanel({ status, error, onExportJson, onShowOldestFirst }: SyncStatusPanelProps) {
  const stuck = status !== null && STUCK.has(status.state);
  const full = status?.state === 'quota-full' || status?.state === 'too-large';
  return (
    <div class={`sync-status${stuck ? ' sync-status--stuck' : ''}`} data-testid="sync-status" data-state={status?.state ?? 'unknown'}>
      <h3 id="sync-status-heading">Sync between your browsers</h3>
      <p role="status" class={stuck ? 'error-text' : undefined} data-testid="sync-message">
        {error ? `Could not read the sync status: ${error}` : (status?.message ?? 'Reading the sync status…')}
      </p>
      {status && status.state !== 'not-started' && <p class="muted">{usageLine(status)}</p>}
      <p class="muted hint">
        Saved claims travel through your browser’s own sync (Chrome Sync or Firefox Sync), as part of the extension’s data; Crosscheck
        has no server. Every claim is also kept in full on this device.
      </p>
      {full && (
        <div class="way-out" role="group" aria-labelledby="way-out-heading" data-testid="way-out">
          <h4 id="way-out-heading">Make room in sync storage</h4>
          <ol>
            <li>Export your saved claims: the file keeps every claim in full, and Crosscheck can import it again.</li>
            <li>Remove the claims you no longer need; the oldest are usually the first to go. Removals free their space at once.</li>
          </ol>
          <div class="saved-claim__buttons">
            <button type="button" onClick={onExportJson}>
              Export all as JSON
            </button>
            <button type="button" class="secondary" onClick={onShowOldestFirst}>
              List the oldest claims first
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

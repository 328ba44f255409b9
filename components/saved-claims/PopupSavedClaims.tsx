// The popup's line about saved claims: how many, whether they are synced (or the engine's
// plain words when they are not), and the way to the full list on the options page.

import { useEffect, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import type { SyncStatus } from '../../lib/protocol';
import { plural } from '../format';

/** The sync line: short when all is well, the engine's own sentence when it is not. */
export function popupSyncLine(status: SyncStatus): string {
  if (status.state === 'synced') return status.savedCount === 0 ? 'Save claims from the sidebar to keep them here.' : 'All saved claims synced';
  return status.message;
}

const TROUBLE: ReadonlySet<SyncStatus['state']> = new Set(['quota-full', 'too-large', 'error', 'unsupported-format']);

export interface SavedClaimsSummaryProps {
  status: SyncStatus | null;
  /** Why the status could not be read. */
  error: string | null;
  onOpenList(): void;
}

export function SavedClaimsSummary({ status, error, onOpenList }: SavedClaimsSummaryProps) {
  return (
    <section class="saved-claims-summary" aria-labelledby="saved-claims-summary-heading" data-testid="saved-claims-summary">
      <h2 id="saved-claims-summary-heading" class="saved-claims-summary__heading">
        Saved claims{status ? <span data-testid="saved-claims-count">: {status.savedCount.toLocaleString('en')}</span> : null}
      </h2>
      <p
        data-testid="saved-claims-sync"
        class={status && TROUBLE.has(status.state) ? 'error-text' : 'muted'}
        role="status"
      >
        {error ? `Saved claims are not available: ${error}` : status ? popupSyncLine(status) : 'Counting your saved claims…'}
      </p>
      <button type="button" class="link" onClick={onOpenList}>
        {status && status.savedCount > 0 ? `See your ${plural(status.savedCount, 'saved claim')}` : 'Saved claims and sync'}
      </button>
    </section>
  );
}

/** The summary, wired to the background and following its 'claims/changed' broadcast. */
export function PopupSavedClaims({ onOpenList }: { onOpenList(): void }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void askBackground('claims/status', null).then((reply) => {
      if (!current) return;
      if (reply.ok) setStatus(reply.value);
      else setError(reply.error);
    });
    const stop = onBroadcast('claims/changed', (change) => {
      setError(null);
      setStatus(change.status);
    });
    return () => {
      current = false;
      stop();
    };
  }, []);

  return <SavedClaimsSummary status={status} error={error} onOpenList={onOpenList} />;
}

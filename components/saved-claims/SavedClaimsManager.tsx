// The options page's saved claims (the `savedClaims` slot of OptionsApp): the sync status
// with its way out, the searchable list with notes and removal, export and import. It
// talks to the background only, which owns the claims, and follows 'claims/changed', so
// a claim saved in a sidebar or arriving from another device shows up here at once.

import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import type { ClaimsExportFormat, SavedClaimView, SyncStatus } from '../../lib/protocol';
import { downloadText } from '../options/ImportExport';
import { plural } from '../format';
import { claimsExportFileName, ClaimsImportExport, type ExportOutcome } from './ClaimsImportExport';
import { SavedClaimsList, type ClaimOrder } from './SavedClaimsList';
import { SyncStatusPanel } from './SyncStatusPanel';

const EXPORT_TYPES: Record<ClaimsExportFormat, string> = { json: 'application/json', markdown: 'text/markdown' };
const FORMAT_NAMES: Record<ClaimsExportFormat, string> = { json: 'JSON', markdown: 'Markdown' };

function shortened(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function SavedClaimsManager() {
  const [claims, setClaims] = useState<SavedClaimView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [statusError, setStatusError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<ClaimOrder>('newest');
  const [notice, setNotice] = useState<string | null>(null);
  const [exportOutcome, setExportOutcome] = useState<ExportOutcome | null>(null);
  const latest = useRef(0);
  const queryRef = useRef(query);
  queryRef.current = query;
  const scrolled = useRef(false);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    const [list, sync] = await Promise.all([askBackground('claims/list', { query: queryRef.current }), askBackground('claims/status', null)]);
    if (ticket !== latest.current) return;
    if (list.ok) {
      setClaims(list.value);
      setListError(null);
    } else setListError(list.error);
    if (sync.ok) {
      setStatus(sync.value);
      setStatusError(null);
    } else setStatusError(sync.error);
  }, []);

  useEffect(
    () =>
      onBroadcast('claims/changed', (change) => {
        setStatus(change.status);
        // Also on a status change alone: each claim's own sync note changes with it.
        void load();
      }),
    [load],
  );

  // The first load, and again with every change of the search words.
  useEffect(() => {
    void load();
  }, [query, load]);

  // The popup's "See your saved claims" opens this page at #saved-claims: once the list is in, show it.
  useEffect(() => {
    if (scrolled.current || claims === null) return;
    scrolled.current = true;
    if (location.hash === '#saved-claims') document.getElementById('saved-claims')?.scrollIntoView();
  }, [claims]);

  const focusListHeading = () => document.getElementById('saved-claims-list-heading')?.focus();

  const saveNote = async (id: string, note: string) => {
    const reply = await askBackground('claims/update', { id, note });
    if (reply.ok) {
      setNotice(note.trim() ? 'Note saved.' : 'Note removed.');
      await load();
    }
    return reply;
  };

  const remove = async (id: string) => {
    const text = claims?.find((c) => c.id === id)?.text ?? '';
    const reply = await askBackground('claims/remove', { id });
    if (reply.ok) {
      setNotice(`Removed “${shortened(text)}” from your saved claims.`);
      await load();
      focusListHeading();
    }
    return reply;
  };

  const exportClaims = async (format: ClaimsExportFormat) => {
    setExportOutcome(null);
    const reply = await askBackground('claims/export', { format });
    if (!reply.ok) {
      setExportOutcome({ ok: false, text: `Could not export: ${reply.error}` });
      return;
    }
    const name = claimsExportFileName(format, new Date());
    downloadText(reply.value, name, EXPORT_TYPES[format]);
    const count = status?.savedCount ?? claims?.length ?? 0;
    setExportOutcome({ ok: true, text: `Exported ${plural(count, 'saved claim')} as ${FORMAT_NAMES[format]}: ${name}.` });
  };

  const total = status?.savedCount ?? claims?.length ?? 0;
  return (
    <div class="saved-claims-manager">
      <p class="muted">
        Claims you save from the sidebar, with your notes. They follow you to your other browsers where you are signed in to the
        browser’s sync.
      </p>
      <SyncStatusPanel
        status={status}
        error={statusError}
        onExportJson={() => void exportClaims('json')}
        onShowOldestFirst={() => {
          setQuery('');
          setOrder('oldest');
          focusListHeading();
        }}
      />
      <div aria-live="polite" data-testid="saved-claims-notice">
        {notice && <p class="ok-text">{notice}</p>}
      </div>
      {listError && (
        <p role="alert" class="error-text">
          Could not list your saved claims: {listError}
        </p>
      )}
      <SavedClaimsList
        claims={claims}
        total={total}
        query={query}
        order={order}
        onQuery={(q) => {
          setNotice(null);
          setQuery(q);
        }}
        onOrder={setOrder}
        onSaveNote={saveNote}
        onRemove={remove}
      />
      <ClaimsImportExport
        savedCount={total}
        onExport={(format) => void exportClaims(format)}
        exportOutcome={exportOutcome}
        onImport={async (text) => {
          const reply = await askBackground('claims/import', { text });
          if (reply.ok) await load();
          return reply;
        }}
      />
    </div>
  );
}

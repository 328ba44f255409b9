// The sidebar's saved claims: which claims of its page are saved (and how they stand with
// sync), kept current by the background's 'claims/changed' broadcast, and the save and
// remove actions. Everything goes through the background, which owns the claims.

import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import type { SavedClaimView, SyncStatus, TabState } from '../../lib/protocol';
import { claimToSave, savedMarksFor, type SavedMark } from './claim-to-save';

export interface PageSavedClaims {
  onSaveClaim: (index: number) => void;
  onUnsaveClaim: (index: number) => void;
  savedClaims: ReadonlyMap<number, SavedMark>;
  savingClaims: ReadonlySet<number>;
  saveErrors: ReadonlyMap<number, string>;
}

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | null): Map<K, V> {
  const next = new Map(map);
  if (value === null) next.delete(key);
  else next.set(key, value);
  return next;
}

function withMember<T>(set: ReadonlySet<T>, item: T, member: boolean): Set<T> {
  const next = new Set(set);
  if (member) next.add(item);
  else next.delete(item);
  return next;
}

export function usePageSavedClaims(state: TabState | null): PageSavedClaims {
  const report = state?.report ?? null;
  const pageUrl = report?.url ?? null;
  const [saved, setSaved] = useState<SavedClaimView[]>([]);
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [saving, setSaving] = useState<ReadonlySet<number>>(new Set());
  const [errors, setErrors] = useState<ReadonlyMap<number, string>>(new Map());
  // Answers can overtake each other: only the latest request's list is shown.
  const latest = useRef(0);

  const load = useCallback(async () => {
    if (!pageUrl) return;
    const ticket = ++latest.current;
    const [list, sync] = await Promise.all([askBackground('claims/list', { url: pageUrl }), askBackground('claims/status', null)]);
    if (ticket !== latest.current) return;
    if (list.ok) setSaved(list.value);
    if (sync.ok) setStatus(sync.value);
  }, [pageUrl]);

  useEffect(() => {
    void load();
    return onBroadcast('claims/changed', (change) => {
      setStatus(change.status);
      // Also on a status change alone: claims it concerns have become synced, or stuck.
      void load();
    });
  }, [load]);

  // A new analysis (a single-page navigation) makes old failures meaningless.
  useEffect(() => setErrors(new Map()), [report?.analyzedAt]);

  const run = useCallback(async (index: number, action: () => Promise<{ ok: true } | { ok: false; error: string }>, failure: string) => {
    setSaving((s) => withMember(s, index, true));
    setErrors((e) => withEntry(e, index, null));
    try {
      const reply = await action();
      if (!reply.ok) setErrors((e) => withEntry(e, index, `${failure}: ${reply.error}`));
      await load();
    } finally {
      setSaving((s) => withMember(s, index, false));
    }
  }, [load]);

  const savedClaims = useMemo(
    () => (report ? savedMarksFor(report.url, report.claims, saved, status) : new Map<number, SavedMark>()),
    [report, saved, status],
  );

  const onSaveClaim = useCallback(
    (index: number) => {
      const claim = report?.claims[index];
      if (!report || !claim) return;
      const title = report.article.title ?? state?.article?.title ?? null;
      void run(index, () => askBackground('claims/save', claimToSave({ url: report.url, title }, claim)), 'Could not save');
    },
    [report, state?.article?.title, run],
  );

  const onUnsaveClaim = useCallback(
    (index: number) => {
      const mark = savedClaims.get(index);
      if (!mark) return;
      void run(index, () => askBackground('claims/remove', { id: mark.id }), 'Could not remove');
    },
    [savedClaims, run],
  );

  return { onSaveClaim, onUnsaveClaim, savedClaims, savingClaims: saving, saveErrors: errors };
}

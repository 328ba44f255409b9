// Asks the background (which owns the corpus) for the figures over time of one tab, again
// after each analysis of the tab and each change of the corpus. Shared by the sidebar and the popup.
import { useEffect, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import type { FigureTimeline } from '../../lib/timeline';

export interface FiguresState {
  /** null while being asked for. */
  timeline: FigureTimeline | null;
  error: string | null;
}

/** `analyzedAt`: the tab's on-topic analysis; nothing is asked without one. */
export function useFigureTimeline(tabId: number | undefined, analyzedAt: number | undefined): FiguresState {
  const [figures, setFigures] = useState<FiguresState>({ timeline: null, error: null });
  useEffect(() => {
    if (tabId === undefined || analyzedAt === undefined) return undefined;
    let live = true;
    const load = () =>
      void askBackground('figures/timeline', { tabId }).then((reply) => {
        if (live) setFigures(reply.ok ? { timeline: reply.value, error: null } : { timeline: null, error: reply.error });
      });
    load();
    const off = onBroadcast('corpus/changed', load);
    return () => {
      live = false;
      off();
    };
  }, [tabId, analyzedAt]);
  return figures;
}

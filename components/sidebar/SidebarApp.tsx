// The sidebar frame's app: finds its tab, reads the tab's state from the background and
// follows its changes, and wires the reader's actions (jump to a claim, open or collapse,
// save a claim, remembered reading, the figures' timeline) to the Sidebar's view.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { askBackground, askTab, onBroadcast } from '../../adapters/messaging';
import { currentTab } from '../../adapters/tabs';
import type { TabState } from '../../lib/protocol';
import { useFigureTimeline } from '../figures/use-figure-timeline';
import { usePageSavedClaims } from '../saved-claims/use-page-saved-claims';
import { Sidebar } from './Sidebar';
import { useRememberReading } from './use-remember-reading';

/** How often the sidebar reads its tab's state while its claims or their matches are still to come (ms). */
export const ANALYZING_POLL_MS = 250;

/** The content script gives the collapsed handle a frame this narrow; wider is the open panel. */
const COLLAPSED_QUERY = '(max-width: 120px)';

/** The tab this frame sits in: the background fills in sender.tab; tabs.getCurrent is the fallback. */
export async function loadState(tabId: number | undefined): Promise<TabState | null> {
  const reply = await askBackground('tab/state', tabId === undefined ? {} : { tabId });
  if (reply.ok) return reply.value;
  if (tabId !== undefined) return null;
  const tab = await currentTab();
  if (!tab) return null;
  const retry = await askBackground('tab/state', { tabId: tab.id });
  return retry.ok ? retry.value : null;
}

/** Reads the tab's state again and shows it (a failed read keeps what is shown). */
function reloadInto(tabId: number, show: (state: TabState) => void): void {
  void loadState(tabId).then((s) => s && show(s));
}

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const onChange = () => setMatches(list.matches);
    list.addEventListener('change', onChange);
    onChange();
    return () => list.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

export interface SidebarAppProps {
  /** The state asked for as the frame's script started (loadState), before the first render. */
  firstState: Promise<TabState | null>;
  /** How often the state is read while claims or matches are still to come (ms). */
  pollMs?: number;
}

export function SidebarApp({ firstState, pollMs = ANALYZING_POLL_MS }: SidebarAppProps) {
  const [state, setState] = useState<TabState | null>(null);
  const [activeClaim, setActiveClaim] = useState<number | null>(null);
  const collapsed = useMediaQuery(COLLAPSED_QUERY);
  const tabId = state?.tabId;

  useEffect(() => {
    void firstState.then(setState);
  }, [firstState]);

  useEffect(() => {
    if (tabId === undefined) return undefined;
    const offChanged = onBroadcast('tab/changed', (p) => {
      if (p.tabId === tabId) reloadInto(tabId, setState);
    });
    const offFocus = onBroadcast('sidebar/focus-claim', (p) => {
      if (p.tabId === tabId) setActiveClaim(p.index);
    });
    // A change the background broadcast between the first state's answer and this listener
    // (the claims arriving while this frame renders for the first time) was missed: read the
    // state once more now that nothing can be missed, instead of waiting for the timer below.
    reloadInto(tabId, setState);
    return () => {
      offChanged();
      offFocus();
    };
  }, [tabId]);

  // While the claims or their matches are still to come, the state is also read on a timer:
  // in Firefox ESR this frame was seen to miss the background's 'tab/changed' broadcasts and
  // stay "Checking…".
  // 'waiting' is a frame loaded unseen before the article's claims (reader.ts warms it).
  const coming = state?.status === 'analyzing' || state?.status === 'waiting';
  useEffect(() => {
    if (tabId === undefined || !coming) return undefined;
    const timer = setInterval(() => reloadInto(tabId, setState), pollMs);
    return () => clearInterval(timer);
  }, [tabId, coming, pollMs]);

  // A new analysis (a single-page navigation) makes the old pick meaningless.
  useEffect(() => setActiveClaim(null), [state?.report?.analyzedAt]);

  const onJump = useCallback(
    (index: number) => {
      if (tabId === undefined) return;
      setActiveClaim(index);
      void askTab(tabId, 'content/scroll-to-claim', { index });
    },
    [tabId],
  );
  const setOpen = useCallback(
    (open: boolean) => {
      if (tabId !== undefined) void askBackground('tab/sidebar', { tabId, open });
    },
    [tabId],
  );
  const onOpen = useCallback(() => setOpen(true), [setOpen]);
  const onCollapse = useCallback(() => setOpen(false), [setOpen]);
  const saving = usePageSavedClaims(state);
  const reading = useRememberReading(tabId);
  const figures = useFigureTimeline(tabId, state?.status === 'ready' ? state.report?.analyzedAt : undefined);

  return (
    <Sidebar
      state={state}
      collapsed={collapsed}
      activeClaim={activeClaim}
      onJump={onJump}
      onOpen={onOpen}
      onCollapse={onCollapse}
      {...saving}
      reading={reading}
      figures={figures}
    />
  );
}

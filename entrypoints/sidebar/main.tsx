// The sidebar frame: an extension page the content script shows in an iframe inside a
// closed shadow root. It fetches its data from the background itself (never through
// window.postMessage, which the news page could read or forge) and talks to its tab's
// content script through the extension's messaging.
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground, askTab, onBroadcast } from '../../adapters/messaging';
import type { TabState } from '../../lib/protocol';
import { useFigureTimeline } from '../../components/figures/use-figure-timeline';
import { usePageSavedClaims } from '../../components/saved-claims/use-page-saved-claims';
import { Sidebar } from '../../components/sidebar/Sidebar';
import { useRememberReading } from '../../components/sidebar/use-remember-reading';
import '../../components/sidebar/sidebar.css';
import '../../components/figures/figures.css';

/** How often the sidebar reads its tab's state while its claims or their matches are still to come (ms). */
const ANALYZING_POLL_MS = 250;

/** The content script gives the collapsed handle a frame this narrow; wider is the open panel. */
const COLLAPSED_QUERY = '(max-width: 120px)';

/** The tab this frame sits in: the background fills in sender.tab; tabs.getCurrent is the fallback. */
async function loadState(tabId: number | undefined): Promise<TabState | null> {
  const reply = await askBackground('tab/state', tabId === undefined ? {} : { tabId });
  if (reply.ok) return reply.value;
  if (tabId !== undefined) return null;
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  if (tab?.id === undefined) return null;
  const retry = await askBackground('tab/state', { tabId: tab.id });
  return retry.ok ? retry.value : null;
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

function SidebarApp() {
  const [state, setState] = useState<TabState | null>(null);
  const [activeClaim, setActiveClaim] = useState<number | null>(null);
  const collapsed = useMediaQuery(COLLAPSED_QUERY);
  const tabId = state?.tabId;

  useEffect(() => {
    void firstState.then(setState);
  }, []);

  useEffect(() => {
    if (tabId === undefined) return undefined;
    const offChanged = onBroadcast('tab/changed', (p) => {
      if (p.tabId === tabId) void loadState(tabId).then((s) => s && setState(s));
    });
    const offFocus = onBroadcast('sidebar/focus-claim', (p) => {
      if (p.tabId === tabId) setActiveClaim(p.index);
    });
    return () => {
      offChanged();
      offFocus();
    };
  }, [tabId]);

  // While the claims or their matches are still to come, the state is also read on a timer:
  // a change made before the listener above was set would be missed, and in Firefox ESR this
  // frame was seen to miss the background's 'tab/changed' broadcasts and stay "Checking…".
  // 'waiting' is a frame loaded unseen before the article's claims (reader.ts warms it).
  const coming = state?.status === 'analyzing' || state?.status === 'waiting';
  useEffect(() => {
    if (tabId === undefined || !coming) return undefined;
    const timer = setInterval(() => void loadState(tabId).then((s) => s && setState(s)), ANALYZING_POLL_MS);
    return () => clearInterval(timer);
  }, [tabId, coming]);

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

// Asked before the first render: the frame's scripts, styles and first render take tens of
// milliseconds, and the background's answer can travel meanwhile.
const firstState = loadState(undefined);
render(<SidebarApp />, document.getElementById('app')!);

// The sidebar: a small handle while collapsed, the article's claims with the reports on
// each side while open. Works with the keyboard alone: Tab and the arrow keys move
// through claims, Enter shows one in the article, Escape collapses to the handle.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { TabState } from '../../lib/protocol';
import { FiguresOverTime } from '../figures/FiguresOverTime';
import type { FiguresState } from '../figures/use-figure-timeline';
import type { SavedMark } from '../saved-claims/claim-to-save';
import { ClaimCard, type SaveClaim } from './ClaimCard';
import { RememberReadingPrompt, type RememberReadingProps } from './RememberReading';
import { buildSidebarModel, GROUP_HEADINGS, type SidebarModel } from './claim-view';

/** A focus this soon after a pointer press came from a click, not from the keyboard. */
const POINTER_FOCUS_GRACE_MS = 1_000;

export interface SidebarProps {
  state: TabState | null;
  collapsed: boolean;
  /** The claim the reader picked in the page, or null. */
  activeClaim: number | null;
  onJump: (index: number) => void;
  onOpen: () => void;
  onCollapse: () => void;
  /** Absent while claims cannot be saved. */
  onSaveClaim?: (index: number) => void;
  onUnsaveClaim?: (index: number) => void;
  /** The page's saved claims by their index in the analysis. */
  savedClaims?: ReadonlyMap<number, SavedMark>;
  /** Claims whose save or removal is on its way. */
  savingClaims?: ReadonlySet<number>;
  /** Why the last save or removal of a claim failed. */
  saveErrors?: ReadonlyMap<number, string>;
  /** Remembered reading: the question and its outcome (absent: not shown). */
  reading?: Omit<RememberReadingProps, 'remembered'>;
  /** The figures over time (absent: the section is not shown; null: still being asked for). */
  figures?: FiguresState;
}

export function Sidebar(props: SidebarProps) {
  const { state, collapsed, onCollapse } = props;
  const model = useMemo(() => buildSidebarModel(state?.report?.claims ?? []), [state?.report]);
  // Set when the reader collapses from inside, so the handle takes the focus they had.
  const focusHandle = useRef(false);

  useEffect(() => {
    if (collapsed) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      focusHandle.current = true;
      onCollapse();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [collapsed, onCollapse]);

  if (collapsed) return <Handle model={model} onOpen={props.onOpen} takeFocus={focusHandle} />;
  return (
    <Panel
      {...props}
      model={model}
      onCollapse={() => {
        focusHandle.current = true;
        onCollapse();
      }}
    />
  );
}

function handleLabel(model: SidebarModel): string {
  const conflicted = model.groups.find((g) => g.group === 'conflicts')?.claims.length ?? 0;
  const claims = `${model.listed} ${model.listed === 1 ? 'claim' : 'claims'} checked`;
  return conflicted > 0 ? `Open Crosscheck: ${claims}, ${conflicted} contradicted by reports` : `Open Crosscheck: ${claims}`;
}

function Handle({ model, onOpen, takeFocus }: { model: SidebarModel; onOpen: () => void; takeFocus: { current: boolean } }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!takeFocus.current) return;
    takeFocus.current = false;
    button.current?.focus();
  }, [takeFocus]);
  const conflicted = model.groups.some((g) => g.group === 'conflicts');
  return (
    <main class="handle-frame">
      <h1 class="visually-hidden">Crosscheck</h1>
      <button
        ref={button}
        type="button"
        class={`handle${conflicted ? ' handle--conflicts' : ''}`}
        aria-expanded="false"
        aria-label={handleLabel(model)}
        title="Open Crosscheck (Alt+Shift+K)"
        onClick={onOpen}
      >
        <span class="handle__mark" aria-hidden="true">
          ✓✗
        </span>
        <span class="handle__count" aria-hidden="true">
          {model.listed}
        </span>
      </button>
    </main>
  );
}

type PanelProps = SidebarProps & { model: SidebarModel };

function Panel({ state, model, activeClaim, onJump, onCollapse, onSaveClaim, onUnsaveClaim, savedClaims, savingClaims, saveErrors, reading, figures }: PanelProps) {
  const main = useRef<HTMLElement>(null);

  const claimButtons = () => [...(main.current?.querySelectorAll<HTMLButtonElement>('[data-claim] .claim__jump') ?? [])];

  // Opened with the keyboard (the shortcut, or Enter on the handle): start at the first claim.
  // A click into the panel also focuses the frame: that must not move the reader's place.
  const lastPointer = useRef(-Infinity);
  const focusFirst = () => {
    if (performance.now() - lastPointer.current < POINTER_FOCUS_GRACE_MS) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    claimButtons()[0]?.focus();
  };
  useEffect(() => {
    const onPointer = () => {
      lastPointer.current = performance.now();
    };
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('focus', focusFirst);
    return () => {
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('focus', focusFirst);
    };
  }, []);

  // Focused with its claims listed, or opened before they came (the shortcut pressed while the
  // article was still being read): the first claim takes the focus once it is there, unless
  // the reader is elsewhere.
  const hasClaims = model.groups.length > 0;
  useEffect(() => {
    if (hasClaims && document.hasFocus()) focusFirst();
  }, [hasClaims]);

  useEffect(() => {
    if (activeClaim === null) return;
    const item = main.current?.querySelector(`[data-claim="${activeClaim}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [activeClaim]);

  const onKeyDown = (event: KeyboardEvent) => {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = claimButtons();
    if (buttons.length === 0) return;
    const current = (event.target as Element | null)?.closest('[data-claim]');
    const at = current ? buttons.findIndex((b) => current.contains(b)) : -1;
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = buttons.length - 1;
    else if (event.key === 'ArrowDown') next = at < 0 ? 0 : Math.min(buttons.length - 1, at + 1);
    else next = at < 0 ? 0 : Math.max(0, at - 1);
    event.preventDefault();
    buttons[next]!.focus();
  };

  const title = state?.report?.article.title ?? state?.article?.title ?? null;
  return (
    <div class="panel">
      <header class="panel__bar">
        <h1 class="panel__name">Crosscheck</h1>
        <button type="button" class="panel__collapse" aria-expanded="true" aria-label="Collapse the Crosscheck sidebar" title="Collapse (Esc)" onClick={onCollapse}>
          <span aria-hidden="true">⟩</span>
        </button>
      </header>
      {/* Busy while the matches are still coming in: a screen reader waits for the list to settle. */}
      <main class="panel__body" ref={main} onKeyDown={onKeyDown} aria-labelledby="panel-summary" aria-busy={state?.status === 'analyzing' ? 'true' : 'false'}>
        {title && <p class="panel__article">{title}</p>}
        <p class="panel__summary" id="panel-summary" role="status" data-claims={state?.report ? state.report.claims.length : undefined}>
          {statusLine(state, model)}
        </p>
        {reading && state?.status === 'ready' && <RememberReadingPrompt {...reading} remembered={state.remembered === true} />}
        {figures && state?.status === 'ready' && <FiguresOverTime timeline={figures.timeline} error={figures.error} />}
        {model.groups.map(({ group, claims }) => (
          <section class={`group group--${group}`} aria-labelledby={`group-${group}`} key={group}>
            <h2 class="group__heading" id={`group-${group}`}>
              {GROUP_HEADINGS[group]}
            </h2>
            <ol class="group__claims">
              {claims.map((view) => {
                const save: SaveClaim = {
                  ...(onSaveClaim && { onSave: onSaveClaim }),
                  ...(onUnsaveClaim && { onUnsave: onUnsaveClaim }),
                  mark: savedClaims?.get(view.index) ?? null,
                  busy: savingClaims?.has(view.index) ?? false,
                  error: saveErrors?.get(view.index) ?? null,
                };
                return <ClaimCard key={view.index} view={view} active={activeClaim === view.index} onJump={onJump} save={save} />;
              })}
            </ol>
          </section>
        ))}
        {state?.status === 'ready' && model.unmatched > 0 && model.listed > 0 && (
          <p class="panel__unmatched">
            {model.unmatched} more {model.unmatched === 1 ? 'claim has' : 'claims have'} no matching report.
          </p>
        )}
        <p class="panel__keys">Arrow keys move between claims, Enter shows one in the article, Esc collapses.</p>
      </main>
    </div>
  );
}

function statusLine(state: TabState | null, model: SidebarModel): string {
  if (!state) return 'Loading…';
  switch (state.status) {
    case 'analyzing': {
      // The claims come first, their matches as they are found.
      const claims = state.report?.claims.length ?? 0;
      if (claims === 0) return 'Checking this article against your reports…';
      const found = model.listed > 0 ? ` ${model.listed} with matches so far.` : '';
      return `Checking ${claims} ${claims === 1 ? 'claim' : 'claims'} of this article against your reports…${found}`;
    }
    case 'error':
      return `Crosscheck could not check this article: ${state.error ?? 'unknown error'}`;
    case 'ready': {
      const size = state.report?.corpusSize ?? null;
      const corpus = size === null ? '' : ` against ${size} ${size === 1 ? 'report' : 'reports'}`;
      if (model.listed === 0) return `No report in your corpus speaks to the claims in this article (checked${corpus}).`;
      return `${model.listed} ${model.listed === 1 ? 'claim' : 'claims'} checked${corpus}. Contradicted claims first.`;
    }
    default:
      return 'Crosscheck has nothing to show for this page.';
  }
}

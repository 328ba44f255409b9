// The toolbar popup, drawn from plain data: the tab's context, the reader's settings, the
// corpus size and the outcome of the last action. Every action is a callback, so the
// component knows nothing of messaging (PopupApp wires it).

import type { ComponentChildren } from 'preact';
import type { CorpusStats, Settings, TabState } from '../../lib/protocol';
import { ClaimCounts, ClaimDetails } from './ClaimsSummary';
import { plural } from '../format';
import { decidePhase, pageUrlOf, stateIsCurrent, summarizeClaims, type PopupInput, type PopupPhase } from './popup-model';
import { siteOf } from '../../lib/site';
import { FiguresOverTime } from '../figures/FiguresOverTime';
import type { FiguresState } from '../figures/use-figure-timeline';
import { topicLabel, TopicScore } from './TopicScore';

export interface Feedback {
  tone: 'ok' | 'error';
  text: string;
}

export type PopupBusy = 'sidebar' | 'pause' | 'add' | null;

export interface PopupActions {
  onSidebar(open: boolean): void;
  onPause(paused: boolean): void;
  onAddArticle(): void;
  onReload(): void;
  onOpenOptions(): void;
}

export interface PopupViewProps extends PopupInput, PopupActions {
  stats: CorpusStats | null;
  feedback: Feedback | null;
  busy: PopupBusy;
  /** The saved-claims line (components/saved-claims), wired by PopupApp. */
  savedClaims?: ComponentChildren;
  /** The remembered-reading switch (components/reading), wired by PopupApp. */
  rememberReading?: ComponentChildren;
  /** The figures over time, shown for an on-topic article (null timeline: still being asked for). */
  figures?: FiguresState;
}

/** Why the reader cannot add this page, or null when they can. */
export function addArticleBlocker(phase: PopupPhase, state: TabState | null, running: boolean): string | null {
  switch (phase.kind) {
    case 'loading':
      return 'Still finding out what this page is…';
    case 'unsupported':
      return 'Browser pages cannot be added: only news articles on the web.';
    case 'not-running':
      return 'Crosscheck has not read this page yet; reload it first.';
    case 'paused':
      return 'Crosscheck is paused on this site; resume it to add this article.';
    case 'not-article':
      return 'This page does not look like a news article, so there is nothing to add.';
    case 'off-topic':
      // The cheap check rejects off-topic pages before article detection: the article is read on demand.
      if (state?.article?.isArticle === false) return 'This page does not look like a news article, so there is nothing to add.';
      return running ? null : 'Crosscheck has not read this page yet; reload it first.';
    default:
      if (!running) return 'Crosscheck has not read this page yet; reload it first.';
      if (!state?.article) return 'Still reading the page…';
      if (!state.article.isArticle) return 'This page does not look like a news article, so there is nothing to add.';
      return null;
  }
}

function PhaseBody({ phase, settings, onReload }: { phase: PopupPhase; settings: Settings | null; onReload(): void }) {
  const sensitivity = settings?.sensitivity ?? null;
  switch (phase.kind) {
    case 'loading':
      return <p role="status">Looking at this tab…</p>;
    case 'unsupported':
      return (
        <div data-testid="phase-unsupported">
          <h2>Not a web page</h2>
          <p>
            Crosscheck reads news articles on the web. This is a browser page (<code>{phase.url.split(/[?#]/)[0]}</code>), which
            extensions may not read.
          </p>
        </div>
      );
    case 'not-running':
      return (
        <div data-testid="phase-not-running">
          <h2>Crosscheck has not read this page</h2>
          <p>
            If the page was open before Crosscheck was installed or updated, reload it. Browser pages (such as <code>chrome://</code> or{' '}
            <code>about:</code> pages) and the extension stores cannot be read at all.
          </p>
          <button type="button" class="secondary" onClick={onReload}>
            Reload the page
          </button>
        </div>
      );
    case 'paused':
      return (
        <div data-testid="phase-paused">
          <h2>Paused on {phase.site || 'this site'}</h2>
          <p>Crosscheck does not read pages on this site until you resume it.</p>
        </div>
      );
    case 'waiting':
      return (
        <p role="status" data-testid="phase-waiting">
          Reading the page…
        </p>
      );
    case 'analyzing':
      return (
        <div data-testid="phase-analyzing">
          <p role="status">Checking the claims of this article against your reports…</p>
          {phase.topic && <TopicScore topic={phase.topic} sensitivity={sensitivity} />}
        </div>
      );
    case 'not-article':
      return (
        <div data-testid="phase-not-article">
          <h2>Not an article</h2>
          <p>This page does not look like a news article, so Crosscheck stays out of the way.</p>
        </div>
      );
    case 'off-topic':
      return (
        <div data-testid="phase-off-topic">
          <h2>Off topic</h2>
          <p>
            This article does not seem to be about {topicLabel(phase.topic?.id)}, the topic Crosscheck follows, so its claims are not
            checked.
          </p>
          {phase.topic ? (
            <TopicScore topic={phase.topic} sensitivity={sensitivity} />
          ) : (
            <p class="muted" data-testid="topic-not-scored">
              Its title and opening name nothing of the topic, so it was not scored further.
            </p>
          )}
        </div>
      );
    case 'error':
      return (
        <div data-testid="phase-error" role="alert">
          <h2>Something went wrong</h2>
          <p class="error-text">{phase.message}</p>
          <button type="button" class="secondary" onClick={onReload}>
            Reload the page
          </button>
        </div>
      );
    case 'ready':
      return (
        <div data-testid="phase-ready">
          <h2>On topic: {topicLabel(phase.topic.id)}</h2>
          <TopicScore topic={phase.topic} sensitivity={sensitivity} />
          <ClaimCounts summary={summarizeClaims(phase.report.claims)} />
        </div>
      );
  }
}

export function PopupView(props: PopupViewProps) {
  const { state, settings, stats, feedback, busy } = props;
  const phase = decidePhase(props);
  const url = pageUrlOf(props);
  const site = url && /^https?:/i.test(url) ? siteOf(url) : '';
  const paused = phase.kind === 'paused';
  const running = stateIsCurrent(state, props.tabUrl);
  const addBlocker = addArticleBlocker(phase, state, running);
  const sidebarOpen = running && Boolean(state?.sidebarOpen);

  return (
    <main class="popup" aria-busy={busy !== null}>
      <header class="popup-header">
        <h1>Crosscheck</h1>
        {site && <span class="muted site" data-testid="popup-site">{site}</span>}
      </header>

      <div class="phase">
        <PhaseBody phase={phase} settings={settings} onReload={props.onReload} />
      </div>

      <div class="actions" role="group" aria-label="Actions for this page">
        {running && !paused && (
          <button type="button" onClick={() => props.onSidebar(!sidebarOpen)} disabled={busy === 'sidebar'}>
            {sidebarOpen ? 'Close the sidebar' : 'Open the sidebar'}
          </button>
        )}
        {site && (
          <button type="button" class="secondary" onClick={() => props.onPause(!paused)} disabled={busy === 'pause'}>
            {paused ? `Resume Crosscheck on ${site}` : `Pause Crosscheck on ${site}`}
          </button>
        )}
        {phase.kind !== 'unsupported' && (
          <div class="add-article">
            <button
              type="button"
              class="secondary"
              aria-disabled={addBlocker !== null || busy === 'add' ? 'true' : undefined}
              aria-describedby={addBlocker ? 'add-blocker' : undefined}
              onClick={() => {
                if (addBlocker === null && busy !== 'add') props.onAddArticle();
              }}
            >
              {busy === 'add' ? 'Adding…' : 'Add this article to my reports'}
            </button>
            {addBlocker && (
              <p id="add-blocker" class="muted hint">
                {addBlocker}
              </p>
            )}
          </div>
        )}
      </div>

      <div class="feedback" aria-live="polite" data-testid="popup-feedback">
        {feedback && <p class={feedback.tone === 'error' ? 'error-text' : 'ok-text'}>{feedback.text}</p>}
      </div>

      {phase.kind === 'ready' && <ClaimDetails summary={summarizeClaims(phase.report.claims)} />}
      {phase.kind === 'ready' && props.figures && <FiguresOverTime timeline={props.figures.timeline} error={props.figures.error} />}

      <footer class="popup-footer">
        {props.rememberReading}
        {props.savedClaims}
        <p data-testid="corpus-size">
          {stats
            ? `${plural(stats.reports, 'report')} in your corpus (${stats.seeds} shipped, ${stats.added} added)`
            : 'Counting your reports…'}
        </p>
        <button type="button" class="link" onClick={props.onOpenOptions}>
          Manage reports and settings
        </button>
      </footer>
    </main>
  );
}

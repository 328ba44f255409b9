// "Figures over time", shared by the sidebar and the popup: for each kind of figure (troops
// sent, troops at the front, killed…) a small chart and, beside it, the table of who said
// what and when, which is the accessible account of the chart. A collapsible section: the
// claims come first.
import { useId } from 'preact/hooks';
import { shortDate } from '../../lib/dates';
import type { FigureMeasure, FigureSeries, FigureStatement, FigureTimeline } from '../../lib/timeline';
import { plural } from '../format';
import { FiguresChart } from './FiguresChart';

export interface FiguresOverTimeProps {
  /** null while it is being asked for. */
  timeline: FigureTimeline | null;
  /** Why it could not be had, when it could not. */
  error?: string | null;
  open?: boolean;
}

const MEASURE_TEXT: Record<FigureMeasure, string> = { count: 'count', planned: 'planned total', possible: 'possible' };

function dateText(s: FigureStatement): string {
  if (!s.date) return 'no date';
  return shortDate(s.date, true);
}

const figureText = (s: FigureStatement) => s.figure;

/** How a figure reads against the others, in words. */
export function readingText(s: FigureStatement, all: ReadonlyMap<string, FigureStatement>): string {
  const other = (id: string | null) => (id ? all.get(id) : undefined);
  switch (s.reading) {
    case 'first':
      return 'first figure';
    case 'agrees':
      return 'same as before';
    case 'update': {
      const before = other(s.after);
      return before ? `update: up from ${figureText(before)} (${dateText(before)})` : 'update';
    }
    case 'lower': {
      const before = other(s.after);
      return before ? `lower than ${figureText(before)} (${dateText(before)})` : 'lower than before';
    }
    case 'conflict': {
      const others = s.conflictsWith.map((id) => all.get(id)).filter((o): o is FigureStatement => !!o);
      return `conflict: ${others.map((o) => `${o.source} says ${figureText(o)} (${dateText(o)})`).join('; ') || 'another figure of the same days'}`;
    }
    default:
      return 'no date given';
  }
}

/** One sentence for the chart's label: how many figures, their span, the conflicts. */
export function seriesSummary(series: FigureSeries): string {
  const st = series.statements;
  const values = st.map((s) => s.value);
  const dated = st.filter((s) => s.date);
  const conflicts = st.filter((s) => s.reading === 'conflict').length;
  const updates = st.filter((s) => s.reading === 'update').length;
  const parts = [
    `${plural(st.length, 'figure')} from ${Math.min(...values).toLocaleString('en')} to ${Math.max(...values).toLocaleString('en')}`,
    dated.length ? `${dated.length} dated, ${dateText(dated[0]!)} to ${dateText(dated[dated.length - 1]!)}` : 'none dated',
  ];
  if (updates) parts.push(plural(updates, 'update'));
  if (conflicts) parts.push(`${conflicts} in conflict with a figure of the same days`);
  return `${parts.join('; ')}.`;
}

function Series({ series }: { series: FigureSeries }) {
  const id = useId();
  const all = new Map(series.statements.map((s) => [s.id, s]));
  return (
    <section class="figures__series" aria-labelledby={`${id}-h`} data-figure-kind={series.kind}>
      <h3 class="figures__kind" id={`${id}-h`}>
        {series.label}
      </h3>
      <FiguresChart label={series.label} statements={series.statements} summary={seriesSummary(series)} />
      <table class="figures__table">
        <caption class="visually-hidden">{series.label}: what each report said and when</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Figure</th>
            <th scope="col">Source</th>
            <th scope="col">Reads as</th>
          </tr>
        </thead>
        <tbody>
          {series.statements.map((s) => (
            <tr key={s.id} class={`figures__row figures__row--${s.reading}`} data-figure={s.id}>
              <td>{dateText(s)}</td>
              <td>
                {s.label}
                {s.measure !== 'count' && <span class="figures__measure"> ({MEASURE_TEXT[s.measure]})</span>}
              </td>
              <td>
                {s.source}
                <span class="figures__where">{s.fromArticle ? ' · this article' : s.reportTitle ? ` · ${s.reportTitle}` : ''}</span>
              </td>
              <td>{readingText(s, all)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {series.omitted > 0 && <p class="figures__omitted">{plural(series.omitted, 'older figure')} not shown.</p>}
    </section>
  );
}

function Legend() {
  return (
    <ul class="figures__legend" aria-label="How to read the charts">
      <li>
        <svg class="figures__key" viewBox="0 0 12 12" aria-hidden="true">
          <g class="figures-chart__mark figures-chart__mark--count"><circle cx="6" cy="6" r="4.5" /></g>
        </svg>
        count
      </li>
      <li>
        <svg class="figures__key" viewBox="0 0 12 12" aria-hidden="true">
          <g class="figures-chart__mark figures-chart__mark--planned"><rect x="2" y="2" width="8" height="8" /></g>
        </svg>
        planned total
      </li>
      <li>
        <svg class="figures__key" viewBox="0 0 12 12" aria-hidden="true">
          <g class="figures-chart__mark figures-chart__mark--possible"><circle cx="6" cy="6" r="4" /></g>
        </svg>
        possible
      </li>
      <li>
        <svg class="figures__key" viewBox="0 0 12 12" aria-hidden="true">
          <circle class="figures-chart__conflict-ring" cx="6" cy="6" r="5" />
        </svg>
        conflict: different figures within days
      </li>
    </ul>
  );
}

export function FiguresOverTime({ timeline, error, open = false }: FiguresOverTimeProps) {
  const count = timeline?.series.reduce((n, s) => n + s.statements.length, 0) ?? 0;
  return (
    <details class="figures" open={open} data-testid="figures-over-time">
      <summary class="figures__summary">
        <h2 class="figures__title">Figures over time</h2>
        {timeline && <span class="figures__count">{plural(count, 'figure')}</span>}
      </summary>
      {error ? (
        <p class="figures__note">The figures could not be gathered: {error}</p>
      ) : !timeline ? (
        <p class="figures__note">Gathering the figures…</p>
      ) : timeline.series.length === 0 ? (
        <p class="figures__note">No report in your corpus gives a figure of this story yet.</p>
      ) : (
        <>
          <Legend />
          {timeline.series.map((s) => (
            <Series key={s.kind} series={s} />
          ))}
        </>
      )}
    </details>
  );
}

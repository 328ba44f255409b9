// One kind of figure drawn over time: an SVG the reader takes in at a glance (present counts
// as filled dots, planned totals as squares, possibilities as rings; a rising line for an
// update, a red ring and a dashed red line for figures of about the same time that disagree).
// The table beside it (FiguresOverTime) is the full account; the drawing's label sums it up.
import type { FigureStatement } from '../../lib/timeline';
import { CHART_HEIGHT, CHART_WIDTH, compactNumber, layoutChart, type PlacedFigure } from './chart-layout';

export interface FiguresChartProps {
  label: string;
  statements: readonly FigureStatement[];
  /** What a screen reader hears for the drawing: a one-sentence summary. */
  summary: string;
}

function Mark({ f }: { f: PlacedFigure }) {
  const { x, y, statement: s } = f;
  const cls = `figures-chart__mark figures-chart__mark--${s.measure}${s.fromArticle ? ' figures-chart__mark--article' : ''}`;
  return (
    <g class={cls} data-figure={s.id}>
      {f.yMax !== null && <line class="figures-chart__range" x1={x} x2={x} y1={y} y2={f.yMax} />}
      {s.reading === 'conflict' && <circle class="figures-chart__conflict-ring" cx={x} cy={y} r={8} />}
      {s.measure === 'planned' ? (
        <rect x={x - 4} y={y - 4} width={8} height={8} />
      ) : (
        <circle cx={x} cy={y} r={s.measure === 'possible' ? 4 : 4.5} />
      )}
      {f.labelled && (
        <text class="figures-chart__value" x={x + 9} y={y - 8}>
          {compactNumber(s.value)}
        </text>
      )}
    </g>
  );
}

export function FiguresChart({ label, statements, summary }: FiguresChartProps) {
  const layout = layoutChart(statements);
  const { plot } = layout;
  return (
    <svg
      class="figures-chart"
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
      role="img"
      aria-label={`${label}: ${summary}`}
      tabindex={0}
      focusable="true"
    >
      {layout.yTicks.map((t) => (
        <g key={t.label}>
          <line class="figures-chart__grid" x1={plot.left} x2={layout.undatedFrom ?? plot.right} y1={t.y} y2={t.y} />
          <text class="figures-chart__axis" x={plot.left - 6} y={t.y + 3} text-anchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {layout.xTicks.map((t) => (
        <text key={t.label} class="figures-chart__axis" x={t.x} y={CHART_HEIGHT - 8} text-anchor="middle">
          {t.label}
        </text>
      ))}
      {layout.undatedFrom !== null && (
        <g>
          <line class="figures-chart__band" x1={layout.undatedFrom} x2={layout.undatedFrom} y1={plot.top - 6} y2={plot.bottom} />
          <text class="figures-chart__axis" x={layout.undatedFrom + 26} y={CHART_HEIGHT - 8} text-anchor="middle">
            no date
          </text>
        </g>
      )}
      {layout.changes.map(({ from, to }) => (
        <line
          key={`${from.statement.id}>${to.statement.id}`}
          class={`figures-chart__change figures-chart__change--${to.statement.reading}`}
          x1={from.x}
          y1={from.y}
          x2={to.x}
          y2={to.y}
        />
      ))}
      {layout.conflicts.map(({ a, b }) => (
        <line key={`${a.statement.id}x${b.statement.id}`} class="figures-chart__conflict" x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
      ))}
      {layout.figures.map((f) => (
        <Mark key={f.statement.id} f={f} />
      ))}
    </svg>
  );
}

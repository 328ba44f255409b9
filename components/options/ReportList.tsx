// The corpus as a list: each report with its origin badge, title, outlet and date. Choosing
// one shows it in ReportDetail.
import type { ReportListing } from '../../lib/protocol';
import { reportName } from '../../lib/report-name';
import type { Report } from '../../lib/types';

export type ReportSummary = ReportListing;

export function OriginBadge({ origin }: { origin: Report['origin'] }) {
  if (origin === 'seed') return <span class="badge badge-seed">Seed</span>;
  if (origin === 'reading') return <span class="badge badge-reading">From your reading</span>;
  return <span class="badge badge-user">Added by you</span>;
}

export function formatDate(iso: string | null): string | null {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export interface ReportListProps {
  reports: ReportSummary[];
  selectedId: string | null;
  onSelect(id: string): void;
}

export function ReportList({ reports, selectedId, onSelect }: ReportListProps) {
  if (reports.length === 0) return <p>No reports yet.</p>;
  return (
    <ul class="report-list" data-testid="report-list">
      {reports.map((r) => (
        <li key={r.id} data-report-id={r.id}>
          <button
            type="button"
            class="report-item"
            aria-current={r.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(r.id)}
          >
            <span class="report-item-title">{reportName(r)}</span>
            <span class="report-item-meta">
              <OriginBadge origin={r.origin} />
              {r.outlet && <span> {r.outlet}</span>}
              {formatDate(r.date) && <span class="muted"> · {formatDate(r.date)}</span>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

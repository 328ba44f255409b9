// One report in full: what is known of it, its whole text, and deletion for the reports the
// reader added (seeds ship with Crosscheck and come back with every update).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '../../lib/protocol';
import { reportLead, reportName } from '../../lib/report-name';
import type { Report } from '../../lib/types';
import { formatDate, OriginBadge } from './ReportList';

export interface ReportDetailProps {
  report: Report;
  onDelete(id: string): Promise<Result<null>>;
}

function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

export function ReportDetail({ report, onDelete }: ReportDetailProps) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setConfirming(false);
    setError(null);
  }, [report.id]);

  useEffect(() => {
    // Focus goes to the harmless choice, so a second Enter does not delete.
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);

  const title = reportName({ ...report, lead: reportLead(report.text) });
  const date = formatDate(report.date);

  const confirmDelete = async () => {
    setDeleting(true);
    setError(null);
    const reply = await onDelete(report.id);
    setDeleting(false);
    if (!reply.ok) setError(`Could not delete the report: ${reply.error}`);
    // On success the parent drops this report and shows what happened.
  };

  return (
    <article class="report-detail" aria-labelledby="report-detail-title" data-testid="report-detail">
      <h3 id="report-detail-title">{title}</h3>
      <dl class="report-meta">
        <div>
          <dt>Origin</dt>
          <dd>
            <OriginBadge origin={report.origin} />
          </dd>
        </div>
        <div>
          <dt>Outlet</dt>
          <dd>{report.outlet ?? <span class="muted">unknown</span>}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>{date ?? <span class="muted">not stated</span>}</dd>
        </div>
        {report.author && (
          <div>
            <dt>Author</dt>
            <dd>{report.author}</dd>
          </div>
        )}
        {report.url && (
          <div>
            <dt>Address</dt>
            <dd class="url">{report.url}</dd>
          </div>
        )}
        <div>
          <dt>In your corpus since</dt>
          <dd>{new Date(report.addedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</dd>
        </div>
      </dl>

      <div class="delete-area">
        {report.origin === 'seed' ? (
          <p class="muted" data-testid="seed-note">
            Seed reports ship with Crosscheck and cannot be deleted: every update installs them again.
          </p>
        ) : confirming ? (
          <div class="confirm" role="group" aria-labelledby="confirm-delete-text">
            <p id="confirm-delete-text">
              Delete “{title}”? Pages will no longer be matched against it. This cannot be undone, but you can export your reports first.
            </p>
            <button type="button" class="danger" onClick={confirmDelete} disabled={deleting}>
              {deleting ? 'Deleting…' : 'Yes, delete it'}
            </button>{' '}
            <button type="button" class="secondary" ref={cancelRef} onClick={() => setConfirming(false)} disabled={deleting}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            Delete this report
          </button>
        )}
        {error && (
          <p role="alert" class="error-text">
            {error}
          </p>
        )}
      </div>

      <h4 class="visually-hidden">Full text</h4>
      <div class="report-text" data-testid="report-text">
        {paragraphs(report.text).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </article>
  );
}

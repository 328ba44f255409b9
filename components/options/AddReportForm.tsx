// Adds a report from pasted text. Only the text is required; what else the reader knows
// (title, outlet, date, address) makes its matches readable in the sidebar.
import { useState } from 'preact/hooks';
import type { NewReport, Result } from '../../lib/protocol';
import { reportLead, reportName } from '../../lib/report-name';
import type { Report } from '../../lib/types';

export interface AddReportFormProps {
  onAdd(input: NewReport): Promise<Result<Report>>;
}

const EMPTY = { title: '', outlet: '', date: '', url: '', text: '' };
type Fields = typeof EMPTY;

export function AddReportForm({ onAdd }: AddReportFormProps) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [textMissing, setTextMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const bind = (name: keyof Fields) => ({
    id: `add-${name}`,
    name,
    value: fields[name],
    onInput: (e: Event) => setFields((f) => ({ ...f, [name]: (e.currentTarget as HTMLInputElement).value })),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!fields.text.trim()) {
      setTextMissing(true);
      setOutcome(null);
      (document.getElementById('add-text') as HTMLTextAreaElement | null)?.focus();
      return;
    }
    setTextMissing(false);
    setSaving(true);
    const reply = await onAdd({
      title: fields.title.trim() || null,
      outlet: fields.outlet.trim() || null,
      date: fields.date || null,
      url: fields.url.trim() || null,
      text: fields.text,
    });
    setSaving(false);
    if (reply.ok) {
      setFields(EMPTY);
      setOutcome({ ok: true, text: `Added “${reportName({ ...reply.value, lead: reportLead(reply.value.text) })}” to your reports.` });
    } else {
      setOutcome({ ok: false, text: `The report was not added: ${reply.error}` });
    }
  };

  return (
    <form class="add-form" onSubmit={submit} noValidate aria-labelledby="add-heading">
      <h3 id="add-heading">Add a report from text</h3>
      <div class="field">
        <label for="add-title">Title</label>
        <input type="text" {...bind('title')} autocomplete="off" />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="add-outlet">Outlet</label>
          <input type="text" {...bind('outlet')} autocomplete="off" />
        </div>
        <div class="field">
          <label for="add-date">Date</label>
          <input type="date" {...bind('date')} />
        </div>
      </div>
      <div class="field">
        <label for="add-url">Address (URL)</label>
        <input type="url" {...bind('url')} placeholder="https://…" autocomplete="off" />
      </div>
      <div class="field">
        <label for="add-text">
          Text of the report <span class="muted">(required)</span>
        </label>
        <textarea
          {...bind('text')}
          rows={8}
          aria-required="true"
          aria-invalid={textMissing ? 'true' : undefined}
          aria-describedby={textMissing ? 'add-text-error' : 'add-text-help'}
        />
        {textMissing ? (
          <p id="add-text-error" class="error-text">
            Paste the text of the report: without it there is nothing to match against.
          </p>
        ) : (
          <p id="add-text-help" class="muted hint">
            Paste the article’s body; paragraphs separated by blank lines.
          </p>
        )}
      </div>
      <button type="submit" disabled={saving}>
        {saving ? 'Adding…' : 'Add the report'}
      </button>
      <div aria-live="polite" data-testid="add-outcome">
        {outcome && <p class={outcome.ok ? 'ok-text' : 'error-text'}>{outcome.text}</p>}
      </div>
    </form>
  );
}

// The options page: the reader's corpus (list, one report in full, delete, add, import,
// export) and settings. It talks to the background only; the background owns the database.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import type { CorpusStats, Result, Settings } from '../../lib/protocol';
import { reportLead, reportName } from '../../lib/report-name';
import type { Report } from '../../lib/types';
import { plural } from '../format';
import { AddReportForm } from './AddReportForm';
import { ImportExport } from './ImportExport';
import { ReportDetail } from './ReportDetail';
import { RememberedReading } from './RememberedReading';
import { ReportList, type ReportSummary } from './ReportList';
import { SettingsForm } from './SettingsForm';

export interface OptionsAppProps {
  /** The saved-claims list, built separately; the section stays empty until it is given. */
  savedClaims?: ComponentChildren;
}

export function OptionsApp({ savedClaims }: OptionsAppProps = {}) {
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Report | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [stats, setStats] = useState<CorpusStats | null>(null);

  const loadReports = useCallback(async () => {
    const [list, counts] = await Promise.all([askBackground('reports/list', null), askBackground('corpus/stats', null)]);
    if (list.ok) {
      setReports(list.value);
      setListError(null);
    } else {
      setListError(list.error);
    }
    if (counts.ok) setStats(counts.value);
  }, []);

  useEffect(() => {
    void loadReports();
    void askBackground('settings/get', null).then((reply) => (reply.ok ? setSettings(reply.value) : setSettingsError(reply.error)));
    const stops = [onBroadcast('corpus/changed', () => void loadReports()), onBroadcast('settings/changed', setSettings)];
    return () => stops.forEach((stop) => stop());
  }, [loadReports]);

  useEffect(() => {
    setDetailError(null);
    if (selectedId === null) {
      setSelected(null);
      return;
    }
    let current = true;
    void askBackground('reports/get', { id: selectedId }).then((reply) => {
      if (!current) return;
      if (!reply.ok) setDetailError(reply.error);
      else if (reply.value === null) {
        setSelected(null);
        setDetailError('This report is no longer in your corpus.');
      } else setSelected(reply.value);
    });
    return () => {
      current = false;
    };
  }, [selectedId]);

  const deleteReport = async (id: string): Promise<Result<null>> => {
    const title = selected ? reportName({ ...selected, lead: reportLead(selected.text) }) : 'the report';
    const reply = await askBackground('reports/delete', { id });
    if (reply.ok) {
      setSelectedId(null);
      setNotice(`Deleted “${title}”.`);
      await loadReports();
      document.getElementById('reports-heading')?.focus();
    }
    return reply;
  };

  const remembered = reports?.filter((r) => r.origin === 'reading').length ?? 0;

  const switchReading = async (remember: boolean): Promise<string | null> => {
    const reply = await askBackground('reading/set', { remember });
    if (!reply.ok) return reply.error;
    setSettings(reply.value.settings);
    return null;
  };

  const forgetReading = async () => {
    const reply = await askBackground('reading/forget-all', null);
    if (!reply.ok) return { error: reply.error };
    if (selected?.origin === 'reading') setSelectedId(null);
    await loadReports();
    return reply.value;
  };

  const changeSettings = async (patch: Partial<Settings>) => {
    const reply = await askBackground('settings/set', patch);
    if (reply.ok) setSettings(reply.value);
    return reply;
  };

  return (
    <div class="options">
      <header class="options-header">
        <h1>Crosscheck</h1>
        <p class="muted">Your reports and settings. Everything stays on this device.</p>
      </header>

      <main>
        <section aria-labelledby="reports-heading" class="panel">
          <h2 id="reports-heading" tabIndex={-1}>
            Your reports
          </h2>
          <p data-testid="corpus-counts">
            {stats
              ? `${plural(stats.reports, 'report')}: ${stats.seeds} shipped with Crosscheck (seeds), ${stats.added - remembered} added by you${remembered > 0 ? `, ${remembered} from your reading` : ''}.`
              : 'Counting…'}{' '}
            Every article you read on the topic is checked against all of them.
          </p>
          <div aria-live="polite" data-testid="reports-notice">
            {notice && <p class="ok-text">{notice}</p>}
          </div>
          {listError && (
            <p role="alert" class="error-text">
              Could not list your reports: {listError}
            </p>
          )}
          <div class="reports-layout">
            <nav aria-label="Reports in your corpus" class="reports-nav">
              {reports ? (
                <ReportList
                  reports={reports}
                  selectedId={selectedId}
                  onSelect={(id) => {
                    setNotice(null);
                    setSelectedId(id);
                  }}
                />
              ) : (
                !listError && <p>Loading…</p>
              )}
            </nav>
            <div class="report-pane">
              {detailError && (
                <p role="alert" class="error-text">
                  {detailError}
                </p>
              )}
              {selected ? (
                <ReportDetail report={selected} onDelete={deleteReport} />
              ) : (
                !detailError && <p class="muted">Choose a report to read it in full.</p>
              )}
            </div>
          </div>
        </section>

        <section id="remembered-reading" aria-labelledby="reading-heading" class="panel">
          <h2 id="reading-heading">Remembered reading</h2>
          <RememberedReading setting={settings?.rememberReading ?? null} count={remembered} onSwitch={switchReading} onForgetAll={forgetReading} />
        </section>

        <section aria-labelledby="grow-heading" class="panel">
          <h2 id="grow-heading">Add reports</h2>
          <p class="muted">
            From any article page you can also use “Add this article to my reports” in Crosscheck’s toolbar button.
          </p>
          <AddReportForm onAdd={(input) => askBackground('reports/add', input)} />
          <ImportExport
            addedCount={stats?.added ?? 0}
            onImport={(files) => askBackground('reports/import', { files })}
            onExport={() => askBackground('reports/export', null)}
          />
        </section>

        <section aria-labelledby="settings-heading" class="panel">
          <h2 id="settings-heading">Settings</h2>
          {settingsError && (
            <p role="alert" class="error-text">
              Could not read your settings: {settingsError}
            </p>
          )}
          {settings ? <SettingsForm settings={settings} onChange={changeSettings} /> : !settingsError && <p>Loading…</p>}
        </section>

        {/* The saved-claims list is built separately and passed in as `savedClaims`. */}
        <section id="saved-claims" aria-labelledby="saved-claims-heading" class="panel">
          <h2 id="saved-claims-heading">Saved claims</h2>
          {savedClaims}
        </section>
      </main>
    </div>
  );
}

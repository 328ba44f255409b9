// The reader's settings: how readily a page counts as on-topic, the sites where Crosscheck
// stays quiet, and how the sidebar first appears. Each change is saved at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import { siteOf } from '../../lib/site';
import { topicThreshold } from '../../lib/topic';
import type { Result, Settings } from '../../lib/protocol';
import { formatScore } from '../format';

export interface SettingsFormProps {
  settings: Settings;
  onChange(patch: Partial<Settings>): Promise<Result<Settings>>;
}

/** The slider moves in steps of this size (0..1). */
export const SENSITIVITY_STEP = 0.05;

export function describeSensitivity(value: number): string {
  if (value < 0.34) return 'strict: fewer pages, only those squarely about the topic';
  if (value < 0.67) return 'balanced';
  return 'loose: more pages, including some that only touch on the topic';
}

/** A host name from what the reader typed: a bare host, or any address on the site. */
export function hostFromInput(raw: string): string | null {
  const text = raw.trim().toLowerCase();
  if (!text || /\s/.test(text)) return null;
  const site = siteOf(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `http://${text}`);
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:]+\]$/.test(site) ? site : null;
}

export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const [sensitivity, setSensitivity] = useState(settings.sensitivity);
  const [host, setHost] = useState('');
  const [hostError, setHostError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  // Saves still waiting for their reply. Each key press on the slider saves on its own, so
  // several can be in flight; only the newest one speaks, and the slider does not jump back
  // to a value that an older save (or its broadcast) reports while a newer one is on its way.
  const latestSave = useRef(0);
  const pendingSaves = useRef(0);

  // Follow changes made elsewhere (the popup, another options tab).
  useEffect(() => {
    if (pendingSaves.current === 0) setSensitivity(settings.sensitivity);
  }, [settings.sensitivity]);

  const save = async (patch: Partial<Settings>, done: string) => {
    const id = ++latestSave.current;
    pendingSaves.current += 1;
    let reply: Result<Settings>;
    try {
      reply = await onChange(patch);
    } finally {
      pendingSaves.current -= 1;
    }
    if (id !== latestSave.current) return reply.ok;
    setMessage(reply.ok ? { ok: true, text: done } : { ok: false, text: `The setting was not saved: ${reply.error}` });
    if (reply.ok) setSensitivity(reply.value.sensitivity);
    return reply.ok;
  };

  const addHost = async (e: Event) => {
    e.preventDefault();
    const site = hostFromInput(host);
    if (!site) {
      setHostError('Type a site’s address, such as example.com.');
      return;
    }
    setHostError(null);
    if (settings.pausedSites.includes(site)) {
      setMessage({ ok: true, text: `${site} is already paused.` });
      setHost('');
      return;
    }
    if (await save({ pausedSites: [...settings.pausedSites, site] }, `Crosscheck is paused on ${site}.`)) setHost('');
  };

  const threshold = formatScore(topicThreshold(sensitivity));

  return (
    <div class="settings">
      <div class="setting">
        <label for="sensitivity" class="label">
          Sensitivity of topic detection
        </label>
        <div class="range-row">
          <span class="muted" aria-hidden="true">
            Fewer pages
          </span>
          <input
            id="sensitivity"
            type="range"
            min={0}
            max={1}
            step={SENSITIVITY_STEP}
            value={sensitivity}
            aria-valuetext={`${formatScore(sensitivity)}, ${describeSensitivity(sensitivity)}`}
            aria-describedby="sensitivity-help"
            onInput={(e) => setSensitivity(Number((e.currentTarget as HTMLInputElement).value))}
            onChange={(e) => {
              const value = Number((e.currentTarget as HTMLInputElement).value);
              void save({ sensitivity: value }, `Sensitivity set to ${formatScore(value)}.`);
            }}
          />
          <span class="muted" aria-hidden="true">
            More pages
          </span>
          <output for="sensitivity" data-testid="sensitivity-value">
            {formatScore(sensitivity)}
          </output>
        </div>
        <p id="sensitivity-help" class="muted hint">
          Now {describeSensitivity(sensitivity)}: a page needs a topic score of {threshold} to be checked. Lower it if Crosscheck
          checks pages that are not about the topic; raise it if it misses articles that are.
        </p>
      </div>

      <div class="setting">
        <label class="check">
          <input
            type="checkbox"
            checked={settings.sidebarCollapsed}
            onChange={(e) => {
              const collapsed = (e.currentTarget as HTMLInputElement).checked;
              void save({ sidebarCollapsed: collapsed }, collapsed ? 'The sidebar will start as a small handle.' : 'The sidebar will start open.');
            }}
          />{' '}
          Start the sidebar as a small handle until I open it
        </label>
      </div>

      <div class="setting">
        <h3 id="paused-heading">Sites where Crosscheck is paused</h3>
        {settings.pausedSites.length === 0 ? (
          <p class="muted">None: Crosscheck reads articles on every site.</p>
        ) : (
          <ul class="paused-sites" aria-labelledby="paused-heading" data-testid="paused-sites">
            {settings.pausedSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button
                  type="button"
                  class="secondary"
                  aria-label={`Remove ${site} (resume Crosscheck there)`}
                  onClick={() => void save({ pausedSites: settings.pausedSites.filter((s) => s !== site) }, `Crosscheck is back on ${site}.`)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <form class="add-host" onSubmit={addHost} noValidate>
          <label for="pause-host">Pause Crosscheck on a site</label>
          <div class="inline">
            <input
              id="pause-host"
              type="text"
              value={host}
              placeholder="example.com"
              autocomplete="off"
              aria-invalid={hostError ? 'true' : undefined}
              aria-describedby={hostError ? 'pause-host-error' : undefined}
              onInput={(e) => setHost((e.currentTarget as HTMLInputElement).value)}
            />
            <button type="submit">Pause this site</button>
          </div>
          {hostError && (
            <p id="pause-host-error" class="error-text">
              {hostError}
            </p>
          )}
        </form>
      </div>

      <div aria-live="polite" data-testid="settings-outcome">
        {message && <p class={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p>}
      </div>
    </div>
  );
}

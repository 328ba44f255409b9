// The remembered-reading switch, in the popup and the options page: a checkbox announced as a
// switch, with what it does said beside it. The outcome of a change is announced politely.
import { useState } from 'preact/hooks';
import type { RememberReading } from '../../lib/reading';

export interface RememberReadingSwitchProps {
  setting: RememberReading;
  /** Resolves with an error message, or null when the change was saved. */
  onChange(remember: boolean): Promise<string | null>;
  /** Tells the inputs of two switches on one page apart (ids). */
  idPrefix?: string;
}

export function RememberReadingSwitch({ setting, onChange, idPrefix = 'remember' }: RememberReadingSwitchProps) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const on = setting === 'on';

  const change = async (remember: boolean) => {
    setBusy(true);
    setMessage(null);
    const failure = await onChange(remember);
    setBusy(false);
    setMessage(
      failure
        ? { ok: false, text: `The setting was not saved: ${failure}` }
        : { ok: true, text: remember ? 'On-topic articles you read are now kept on this device.' : 'Articles you read are no longer kept. Those kept so far stay until you remove them.' },
    );
  };

  return (
    <div class="remember-switch">
      <label class="check">
        <input
          type="checkbox"
          role="switch"
          id={`${idPrefix}-reading`}
          checked={on}
          disabled={busy}
          aria-describedby={`${idPrefix}-reading-help`}
          data-testid="remember-reading-switch"
          onChange={(e) => void change((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        Remember articles I read on this topic
      </label>
      <p class="muted hint" id={`${idPrefix}-reading-help`}>
        Kept on this device only, so later articles are checked against them. Paused sites are never kept.
      </p>
      <div aria-live="polite">{message && <p class={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p>}</div>
    </div>
  );
}

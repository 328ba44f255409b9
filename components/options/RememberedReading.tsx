// The options page's remembered-reading section: the switch, how many articles are kept,
// and removing them all at once (one by one: choose one in the list and delete it).
import { useRef, useState } from 'preact/hooks';
import type { RememberReading } from '../../lib/reading';
import { plural } from '../format';
import { RememberReadingSwitch } from '../reading/RememberReadingSwitch';

export interface RememberedReadingProps {
  setting: RememberReading | null;
  /** Remembered articles in the corpus now. */
  count: number;
  onSwitch(remember: boolean): Promise<string | null>;
  /** Resolves with how many were removed, or an error message. */
  onForgetAll(): Promise<{ removed: number } | { error: string }>;
}

export function RememberedReading({ setting, count, onSwitch, onForgetAll }: RememberedReadingProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const askButton = useRef<HTMLButtonElement>(null);

  const forgetAll = async () => {
    setBusy(true);
    const outcome = await onForgetAll();
    setBusy(false);
    setConfirming(false);
    setMessage('error' in outcome ? { ok: false, text: `Nothing was removed: ${outcome.error}` } : { ok: true, text: `Removed ${plural(outcome.removed, 'remembered article')}.` });
  };

  return (
    <div class="remembered-reading">
      {setting && <RememberReadingSwitch setting={setting} onChange={onSwitch} idPrefix="options-remember" />}
      <p data-testid="remembered-count">
        {count === 0 ? 'No article is kept from your reading.' : `${plural(count, 'article')} kept from your reading, marked “From your reading” in the list above.`}
      </p>
      {count > 0 &&
        (confirming ? (
          <div class="confirm" role="group" aria-labelledby="forget-reading-text">
            <p id="forget-reading-text">Remove all {plural(count, 'remembered article')}? Later articles will no longer be checked against them.</p>
            <button type="button" class="danger" data-action="forget-reading" onClick={() => void forgetAll()} disabled={busy}>
              {busy ? 'Removing…' : 'Yes, remove them all'}
            </button>{' '}
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setConfirming(false);
                askButton.current?.focus();
              }}
              disabled={busy}
            >
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="secondary" ref={askButton} onClick={() => setConfirming(true)}>
            Remove all remembered articles
          </button>
        ))}
      <div aria-live="polite">{message && <p class={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p>}</div>
    </div>
  );
}

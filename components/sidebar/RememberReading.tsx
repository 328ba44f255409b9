// Remembered reading in the sidebar: the one-time question on the first on-topic article,
// then a line saying this article was kept. The question's buttons are ordinary buttons in
// the panel's tab order; the outcome is announced through a status region.
import { useState } from 'preact/hooks';
import type { RememberReading } from '../../lib/reading';

export interface RememberReadingProps {
  /** The reader's setting, null until known. */
  setting: RememberReading | null;
  /** This tab's article was kept from the reader's reading. */
  remembered: boolean;
  /** The reader's answer here kept this tab's article (said by the answer's reply). */
  keptNow?: boolean;
  /** Resolves with an error message, or null when the answer was saved. */
  onAnswer(remember: boolean): Promise<string | null>;
}

export function RememberReadingPrompt({ setting, remembered, keptNow = false, onAnswer }: RememberReadingProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The answer given here, so the panel says what it did after the question goes away.
  const [answered, setAnswered] = useState<boolean | null>(null);

  const answer = async (remember: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    const failure = await onAnswer(remember);
    setBusy(false);
    if (failure) setError(failure);
    else setAnswered(remember);
  };

  let outcome: string | null = null;
  if (setting === 'on' && (remembered || keptNow)) outcome = 'This article is kept on this device, from your reading: later articles are checked against it.';
  else if (answered === true && setting === 'on') outcome = 'On-topic articles you read from now on are kept on this device and checked against.';
  else if (answered === false) outcome = 'Nothing is kept. You can turn this on in Crosscheck’s toolbar popup or its options page.';

  return (
    <div class="reading">
      {setting === 'unasked' && (
        <section class="reading__ask" aria-labelledby="reading-question">
          <h2 class="reading__question" id="reading-question">
            Keep the articles you read on this topic, on this device only, so later articles are checked against them?
          </h2>
          <p class="reading__details" id="reading-details">
            Each on-topic article is kept as one of your reports (title, outlet, site, date and its text). Nothing leaves this
            device; sites you pause are never kept; you can remove them one by one or all at once.
          </p>
          <div class="reading__buttons">
            <button type="button" class="reading__yes" data-action="remember-reading" aria-describedby="reading-details" aria-disabled={busy ? 'true' : undefined} onClick={() => void answer(true)}>
              Yes, keep them
            </button>
            <button type="button" class="reading__no" data-action="dont-remember-reading" aria-disabled={busy ? 'true' : undefined} onClick={() => void answer(false)}>
              No
            </button>
          </div>
        </section>
      )}
      <p class="reading__outcome" role="status" data-testid="reading-outcome">
        {error ? `Your answer was not saved: ${error}` : outcome}
      </p>
    </div>
  );
}

// The sidebar's side of remembered reading: the reader's setting, followed as it changes
// (the popup, the options page), and the answer to the question sent to the background.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { askBackground, onBroadcast } from '../../adapters/messaging';
import type { RememberReading } from '../../lib/reading';
import type { RememberReadingProps } from './RememberReading';

export function useRememberReading(tabId: number | undefined): Omit<RememberReadingProps, 'remembered'> {
  const [setting, setSetting] = useState<RememberReading | null>(null);
  // Said by the answer itself, not only by the tab's state: the sidebar shows it at once.
  const [keptNow, setKeptNow] = useState(false);

  useEffect(() => {
    void askBackground('settings/get', null).then((reply) => reply.ok && setSetting(reply.value.rememberReading));
    return onBroadcast('settings/changed', (settings) => setSetting(settings.rememberReading));
  }, []);

  const onAnswer = useCallback(
    async (remember: boolean) => {
      // The sidebar sits in its tab: the background keeps that tab's article on a yes.
      const reply = await askBackground('reading/set', tabId === undefined ? { remember } : { remember, tabId });
      if (!reply.ok) return reply.error;
      setSetting(reply.value.settings.rememberReading);
      setKeptNow(reply.value.kept);
      return null;
    },
    [tabId],
  );

  return { setting, onAnswer, keptNow };
}

import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../../adapters/messaging';
import type { CorpusStats } from '../../lib/protocol';

function Popup() {
  const [stats, setStats] = useState<CorpusStats | null>(null);
  useEffect(() => {
    void askBackground('corpus/stats', null).then((r) => r.ok && setStats(r.value));
  }, []);
  return (
    <main>
      <h1>Crosscheck</h1>
      <p data-testid="corpus-size">{stats ? `${stats.reports} reports in your corpus` : 'Loading…'}</p>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);

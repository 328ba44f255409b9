// Syndicated copies counted once: in the sides' counts ("N reports, M independent sources"),
// in the list of a side's reports (a copy is listed with the story it copies), and through
// the background, where a report added as a copy of one already in the corpus is linked to
// it when it is stored and every page's matches say so.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CrosscheckDB } from '../../adapters/db';
import { askBackground, handleRequests } from '../../adapters/messaging';
import { Corpus } from '../../entrypoints/background/corpus';
import { createBackgroundHandlers } from '../../entrypoints/background/handlers';
import { seedReports } from '../../entrypoints/background/seeds';
import { ANALYSIS_STEPS } from '../../lib/analyze';
import { REQUEST_SENDERS, type BackgroundRequests, type PageReport, type Result } from '../../lib/protocol';
import { describeSide, groupCopies, summariseSides } from '../../lib/sources';
import type { ClaimMatch } from '../../lib/types';
import { installChromeMessaging, type ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const m = (reportId: string, extra: Partial<ClaimMatch> = {}): ClaimMatch => ({
  reportId, reportTitle: `Report ${reportId}`, outlet: null, date: null, claim: `A sentence of ${reportId}.`, stance: 'corroborates', score: 0.5, why: 'both: 3,000 soldiers', source: null, ...extra,
});

describe('the count of a side, with syndicated copies', () => {
  it('counts two sites carrying one wire story as one independent source, and names it once', () => {
    const sides = summariseSides([
      m('wire', { outlet: 'Kursk Wire Service' }),
      m('regional', { outlet: 'Regional Courier', copyOf: 'wire' }),
      m('other', { outlet: 'Capital Herald' }),
    ]);
    expect(sides.corroborates).toEqual({ reports: 3, independentSources: 2, sources: ['Kursk Wire Service', 'Capital Herald'] });
    expect(describeSide(sides.corroborates)).toBe('3 reports, 2 independent sources');
  });

  it('joins a copy with the reports citing the same original source, and names the voice by that source', () => {
    // The regional copy kept the wire's attribution to Yonhap; a third report also cites Yonhap: one voice.
    const sides = summariseSides([
      m('wire', { outlet: 'Kursk Wire Service' }),
      m('regional', { outlet: 'Regional Courier', copyOf: 'wire', source: 'Yonhap' }),
      m('third', { outlet: 'Capital Herald', source: 'Yonhap' }),
    ]);
    expect(sides.corroborates).toEqual({ reports: 3, independentSources: 1, sources: ['Yonhap'] });
  });

  it('keeps two reports naming no source or outlet as two voices, unless one copies the other', () => {
    expect(summariseSides([m('a'), m('b')]).corroborates.independentSources).toBe(2);
    expect(summariseSides([m('a'), m('b', { copyOf: 'a' })]).corroborates).toEqual({ reports: 2, independentSources: 1, sources: ['a report naming no source or outlet'] });
  });

  it('lists a story once with its copies under it; a second sentence of the same report stays listed', () => {
    const entries = groupCopies([
      m('wire', { outlet: 'Kursk Wire Service' }),
      m('other'),
      m('regional', { copyOf: 'wire' }),
      m('wire', { claim: 'Another sentence of the wire story.' }),
      m('third', { copyOf: 'wire' }),
    ]);
    expect(entries.map((e) => [e.match.reportId, e.copies.map((c) => c.reportId)])).toEqual([
      ['wire', ['regional', 'third']],
      ['other', []],
      ['wire', []],
    ]);
  });
});

describe('copies added through the background', () => {
  const fixture = (name: string) => readFileSync(`tests/fixtures/copies/${name}.txt`, 'utf8').trim().split(/\n\s*\n/);
  const [WIRE_TITLE = '', ...WIRE] = fixture('wire-original');
  const [REGIONAL_TITLE = '', ...REGIONAL] = fixture('wire-copy-regional');
  const [OTHER_TITLE = '', ...OTHER] = fixture('same-event-other-story');
  const PAGE_URL = 'https://herald.example.org/kursk';
  let messaging: ChromeMessaging;
  let dbCount = 0;

  beforeEach(async () => {
    fakeBrowser.reset();
    messaging = installChromeMessaging();
    const corpus = new Corpus(new CrosscheckDB(`copies-count-${++dbCount}`), seedReports());
    handleRequests<BackgroundRequests>(createBackgroundHandlers({ corpus, analyze: ANALYSIS_STEPS }), REQUEST_SENDERS);
    await corpus.installSeeds();
  });


  const addCopies = async () => {
    const wire = value(await askBackground('reports/add', { title: WIRE_TITLE, outlet: 'Kursk Wire Service', date: '2024-10-25', url: 'https://wire.example.org/kursk', text: WIRE.join('\n\n') }));
    const regional = value(await askBackground('reports/add', { title: REGIONAL_TITLE, outlet: 'Regional Courier', date: '2024-10-25', url: 'https://courier.example.org/kursk', text: REGIONAL.join('\n\n') }));
    return { wire, regional };
  };

  it('stores the second site’s copy linked to the first, and a different story unlinked', async () => {
    const { wire, regional } = await addCopies();
    expect(wire.copyOf).toBeNull();
    expect(regional.copyOf).toBe(wire.id);
    const other = value(await askBackground('reports/add', { title: OTHER_TITLE, outlet: 'Capital Herald', text: OTHER.join('\n\n') }));
    expect(other.copyOf).toBeNull();
    // The signature is the background's bookkeeping: extension pages get the report without it.
    expect('signature' in regional).toBe(false);
  });

  it('a page corroborated by both copies counts them as one independent source', async () => {
    const { wire, regional } = await addCopies();
    const reply = (await messaging.sendFromTab(4, PAGE_URL, {
      crosscheck: 1, type: 'page/analyze',
      payload: {
        url: PAGE_URL, title: OTHER_TITLE, text: OTHER.join('\n\n'),
        article: { isArticle: true, title: OTHER_TITLE, byline: null, siteName: 'Capital Herald', publishedTime: '2024-10-26T08:00:00Z', words: 200 },
        topic: { id: 'dprk-troops-russia', onTopic: true, score: 0.5, evidence: [] },
      },
    })) as Result<PageReport>;
    const claims = value(reply).claims;
    const both = claims.find((c) => {
      const ids = c.matches.filter((x) => x.stance === 'corroborates').map((x) => x.reportId);
      return ids.includes(wire.id) && ids.includes(regional.id);
    });
    expect(both, `no claim corroborated by both copies among: ${claims.map((c) => c.text).join(' | ')}`).toBeDefined();
    expect(both!.matches.find((x) => x.reportId === regional.id)?.copyOf).toBe(wire.id);
    const side = summariseSides(both!.matches.filter((x) => x.reportId === wire.id || x.reportId === regional.id)).corroborates;
    expect(side).toEqual({ reports: 2, independentSources: 1, sources: ['Kursk Wire Service'] });
  });
});

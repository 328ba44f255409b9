// What a claim's list of matches holds, on three small reports written for this test: a report
// can stand with more than one of its sentences (the same count, and its plan beside it), one
// report fills no more than its share, and the contradicting reports are shown with their reasons.
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../lib/claims';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { MAX_MATCHES_PER_CLAIM, MAX_MATCHES_PER_REPORT, matchClaims } from '../../lib/match';
import type { Report } from '../../lib/types';
import { DEFAULT_PACK } from '../../lib/topics';

const report = (id: string, title: string, paragraphs: string[]): Report => ({
  id, title, outlet: 'Test Wire', date: null, author: null, url: null, text: paragraphs.join('\n\n'), origin: 'user', addedAt: 0,
});

const REPORTS = [
  report('wire', 'North Korea sends troops to Russia, Seoul says', [
    "South Korea's spy agency said about 1,500 North Korean special forces had arrived in Russia's Far East for training.",
    'The agency said North Korea planned to send 12,000 troops in total.',
    'Seoul summoned the Russian ambassador in protest.',
    'North Korean troops were seen at a base near Vladivostok, the agency said.',
  ]),
  report('kyiv', 'Kyiv says thousands of North Korean troops are in Russia', [
    "Ukraine's military intelligence said about 3,000 North Korean soldiers had arrived in Russia's Far East.",
    'Ukrainian officials said the troops were training near Vladivostok.',
  ]),
  report('moscow', 'Moscow dismisses reports of North Korean troops', [
    'The Kremlin dismissed reports that North Korean soldiers had arrived in Russia as fake news.',
  ]),
];
const index = buildCorpusIndex(REPORTS, DEFAULT_PACK);
const claim = parseClaim("South Korea's spy agency says about 1,500 North Korean special forces have arrived in Russia's Far East for training.", { pack: DEFAULT_PACK, documentDate: '2024-10-18' });
const [result] = matchClaims([claim], index);

describe('the matches listed for a claim', () => {
  it('lists a report with each of its sentences that bears on the claim: the same count, and its plan beside it', () => {
    const wire = result!.matches.filter((m) => m.reportId === 'wire');
    expect(wire.find((m) => m.claim.startsWith("South Korea's spy agency said about 1,500"))).toMatchObject({ stance: 'corroborates', why: 'both: about 1,500 special forces' });
    expect(wire.find((m) => m.claim.startsWith('The agency said North Korea planned to send 12,000'))).toMatchObject({ stance: 'related' });
    expect(result!.matches.indexOf(wire[1]!)).toBeLessThan(MAX_MATCHES_PER_CLAIM);
  });

  it('gives no report more than its share of the first matches', () => {
    const first = result!.matches.slice(0, MAX_MATCHES_PER_CLAIM);
    for (const r of REPORTS) expect(first.filter((m) => m.reportId === r.id).length).toBeLessThanOrEqual(MAX_MATCHES_PER_REPORT);
  });

  it('shows the reports that contradict the claim, with their reasons', () => {
    const conflicts = result!.matches.filter((m) => m.stance === 'conflicts');
    expect(conflicts.map((m) => m.reportId)).toContain('kyiv');
    expect(conflicts.find((m) => m.reportId === 'kyiv')!.why).toMatch(/1,500 vs .*3,000|3,000 vs .*1,500/);
  });
});

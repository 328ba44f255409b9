// The stance classifier against pairs of seed sentences labelled by meaning
// (tests/fixtures/stance-pairs.json). "unrelated" means no match: below MATCH_THRESHOLD.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractClaims, parseClaim, type ExtractedClaim } from '../../lib/claims';
import { buildCorpusIndex } from '../../lib/corpus-index';
import { judgePair } from '../../lib/match';
import { judgeStance, mayConflict } from '../../lib/stance';
import { structuralFeatures } from '../../lib/match-score';
import { loadSeedReports } from '../../cli/load-reports';
import { benchArticle, benchCorpus } from '../../bench/fixtures';
import { DEFAULT_PACK } from '../../lib/topics';

type Label = 'corroborates' | 'conflicts' | 'related' | 'unrelated';
interface Pair {
  a: { seed: string; text: string };
  b: { seed: string; text: string };
  label: Label;
  note: string;
}

const LABELS: Label[] = ['corroborates', 'conflicts', 'related', 'unrelated'];
/** Lowest precision and recall any stance may have. */
const MIN_PRECISION = 0.8;
const MIN_RECALL = 0.8;

const { pairs } = JSON.parse(readFileSync('tests/fixtures/stance-pairs.json', 'utf8')) as { pairs: Pair[] };
const reports = loadSeedReports();
const index = buildCorpusIndex(reports, DEFAULT_PACK);
const dateOf = new Map(reports.map((r) => [r.id, r.date]));

function judge(p: Pair) {
  const a = parseClaim(p.a.text, { pack: DEFAULT_PACK, documentDate: dateOf.get(p.a.seed) ?? null });
  const b = parseClaim(p.b.text, { pack: DEFAULT_PACK, documentDate: dateOf.get(p.b.seed) ?? null });
  return judgePair(a, b, index);
}

describe('stance on labelled seed pairs', () => {
  it('pairs real sentences from two different seeds', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(40);
    for (const p of pairs) {
      expect(p.a.seed).not.toBe(p.b.seed);
      expect(readFileSync(`seeds/${p.a.seed}.txt`, 'utf8')).toContain(p.a.text);
      expect(readFileSync(`seeds/${p.b.seed}.txt`, 'utf8')).toContain(p.b.text);
    }
  });

  it('reaches the precision and recall floor for every stance', () => {
    const confusion = new Map(LABELS.map((l) => [l, new Map(LABELS.map((k) => [k, 0]))]));
    const wrong: string[] = [];
    for (const p of pairs) {
      const j = judge(p);
      const row = confusion.get(p.label)!;
      row.set(j.stance, row.get(j.stance)! + 1);
      if (j.stance !== p.label) wrong.push(`  ${p.label} -> ${j.stance} (${j.score.toFixed(2)}, ${j.why}): ${p.note}`);
    }
    const lines = [`stance pairs: ${pairs.length}`, `${'label \\ engine'.padEnd(16)}${LABELS.map((l) => l.padStart(13)).join('')}`];
    for (const l of LABELS) lines.push(`${l.padEnd(16)}${LABELS.map((k) => String(confusion.get(l)!.get(k)).padStart(13)).join('')}`);
    lines.push('', `${'stance'.padEnd(16)}${'precision'.padStart(10)}${'recall'.padStart(8)}${'n'.padStart(5)}`);
    const figures = LABELS.map((l) => {
      const tp = confusion.get(l)!.get(l)!;
      const predicted = LABELS.reduce((s, k) => s + confusion.get(k)!.get(l)!, 0);
      const actual = LABELS.reduce((s, k) => s + confusion.get(l)!.get(k)!, 0);
      const precision = predicted ? tp / predicted : 1;
      const recall = actual ? tp / actual : 1;
      lines.push(`${l.padEnd(16)}${precision.toFixed(2).padStart(10)}${recall.toFixed(2).padStart(8)}${String(actual).padStart(5)}`);
      return { l, precision, recall };
    });
    if (wrong.length) lines.push('', 'disagreements:', ...wrong);
    console.log(lines.join('\n'));
    for (const f of figures) {
      expect(f.precision, `${f.l} precision`).toBeGreaterThanOrEqual(MIN_PRECISION);
      expect(f.recall, `${f.l} recall`).toBeGreaterThanOrEqual(MIN_RECALL);
    }
  });

  it('gives reasons a reader understands', () => {
    const find = (a: string, b: string) => pairs.find((p) => p.a.text.startsWith(a) && p.b.text.startsWith(b))!;
    expect(judge(find('Neither North Korea nor Russia', 'A North Korean representative'))).toMatchObject({
      stance: 'conflicts',
      why: expect.stringMatching(/'has not responded' vs 'dismissed as a “groundless rumor/),
    });
    expect(judge(find('“We know about 10,000 soldiers', 'South Korean media reports suggest'))).toMatchObject({
      stance: 'conflicts',
      why: 'about 10,000 vs 12,000 soldiers (both projections)',
    });
    expect(judge(find('According to Seoul’s intelligence agency, approximately 1,500', 'According to South Korea’s Yonhap'))).toMatchObject({
      stance: 'related',
      why: 'present count (about 1,500 soldiers) vs planned total (plans to deploy 12,000)',
    });
    expect(judge(find('According to Seoul’s intelligence agency, approximately 1,500', 'Seoul’s spy agency has confirmed the arrival'))).toMatchObject({
      stance: 'corroborates',
      why: expect.stringMatching(/^both: about 1,500 soldiers/),
    });
    expect(judge(find('A North Korean representative', 'Seoul’s spy agency has confirmed the arrival')).why).toMatch(/^denies vs asserts/);
    expect(judge(find('South Korean Defence Minister Kim Yong-hyun has confirmed', 'South Korea may soon deploy')).why).toBe(
      'different roles: combat troops vs intelligence personnel',
    );
  });
});

describe('positions over time: each statement judged at its own date', () => {
  const at = (text: string, date: string | null) => parseClaim(text, { pack: DEFAULT_PACK, documentDate: date });
  const CONFIRMED = 'North Korea confirmed for the first time on Monday that it sent troops to fight alongside Russian forces in the war against Ukraine.';
  const RUMOR = 'A North Korean representative at the United Nations dismissed the claims of North Korean troops in Russia as a “groundless rumor.”';
  const SILENT = 'North Korea has not responded to reports that it sent troops to Russia.';

  it('reads a side confirming what it denied, or answering where it kept silent, months later as an update', () => {
    expect(judgeStance(at(CONFIRMED, '2025-04-28'), at(RUMOR, '2024-10-22'), DEFAULT_PACK)).toEqual({
      stance: 'related',
      why: "update: 'dismissed as a “groundless rumor”' (22 Oct 2024), then stated by North Korea (28 Apr 2025)",
    });
    // Either way round: the page's claim may be the earlier one.
    expect(judgeStance(at(SILENT, '2024-10-30'), at(CONFIRMED, '2025-04-28'), DEFAULT_PACK)).toMatchObject({ stance: 'related', why: expect.stringMatching(/^update: 'has not responded' \(30 Oct 2024\)/) });
  });

  it('reads a statement that says it is the side’s first as coming after the side’s undated silence or denial', () => {
    expect(judgeStance(at(CONFIRMED, '2025-04-28'), at(SILENT, null), DEFAULT_PACK)).toEqual({
      stance: 'related',
      why: "update: 'has not responded', then stated by North Korea for the first time (28 Apr)",
    });
    expect(judgeStance(at(RUMOR, null), at('In its first official acknowledgement, North Korea said it had sent troops to Russia.', null), DEFAULT_PACK).stance).toBe('related');
    // Without the words that make it the first, nothing dates the silence: the two cannot both stand.
    expect(judgeStance(at('North Korea confirmed on Monday that it sent troops to fight alongside Russian forces.', '2025-04-28'), at(SILENT, null), DEFAULT_PACK).stance).toBe('conflicts');
  });

  it('dates silences too: two of one side months apart are two moments, and a denial a week after a silence is an update', () => {
    const OCTOBER = 'The Kremlin did not comment on the South Korean minister’s remarks about North Korean troops.';
    const DECEMBER = 'The Kremlin has not commented on the new allegations about North Korean troops in Kursk.';
    const NOT_RESPONDED = 'Russia has not responded to reports that North Korea sent troops to Russia.';
    const DISMISSED = 'Russia’s foreign ministry dismissed the reports that North Korean troops were in Russia as fake.';
    // [page claim and its date, corpus claim and its date, what the reader is shown]
    const cases: [string, string | null, string, string | null, { stance: string; why?: string }][] = [
      [DECEMBER, '2024-12-17', OCTOBER, '2024-10-08', { stance: 'related', why: 'no comment from Russia at different dates (17 Dec and 8 Oct)' }],
      // Days apart, or undated, the two describe one silence.
      [DECEMBER, '2024-10-10', OCTOBER, '2024-10-08', { stance: 'corroborates' }],
      [DECEMBER, null, OCTOBER, '2024-10-08', { stance: 'corroborates' }],
      [NOT_RESPONDED, '2024-10-15', DISMISSED, '2024-10-23', { stance: 'related', why: "update: 'has not responded' (15 Oct), then denied (23 Oct)" }],
      // Two days on, the silence and the denial describe the same moment; written after the denial, the silence is wrong.
      [NOT_RESPONDED, '2024-10-21', DISMISSED, '2024-10-23', { stance: 'conflicts' }],
      [NOT_RESPONDED, '2024-10-30', DISMISSED, '2024-10-23', { stance: 'conflicts' }],
    ];
    for (const [page, pageDate, other, otherDate, shown] of cases) {
      expect(judgeStance(at(page, pageDate), at(other, otherDate), DEFAULT_PACK), `${pageDate} / ${otherDate}`).toMatchObject(shown);
    }
  });

  it('reads a deployment expected, then reported done a week or more later, as an update', () => {
    const EXPECTED = 'Seoul believes that North Korea will send soldiers to Russia within weeks.';
    const DONE = 'North Korea has sent soldiers to Russia, the spy agency said.';
    const cases: [string, string | null, string, string | null, { stance: string; why?: string }][] = [
      [DONE, '2024-10-20', EXPECTED, '2024-10-08', { stance: 'related', why: 'update: deployment expected (8 Oct), then done (20 Oct)' }],
      [EXPECTED, '2024-10-08', DONE, '2024-10-20', { stance: 'related', why: 'update: deployment expected (8 Oct), then done (20 Oct)' }],
      // Days apart, or undated, the two tell the same news.
      [DONE, '2024-10-10', EXPECTED, '2024-10-08', { stance: 'corroborates' }],
      [DONE, null, EXPECTED, '2024-10-08', { stance: 'corroborates' }],
      // Neither says whether it was done: the event agrees.
      ['North Korea’s deployment of soldiers to Russia worries Seoul, the minister said.', '2024-10-20', EXPECTED, '2024-10-08', { stance: 'corroborates' }],
    ];
    for (const [page, pageDate, other, otherDate, shown] of cases) {
      expect(judgeStance(at(page, pageDate), at(other, otherDate), DEFAULT_PACK), `${page} ${pageDate} / ${otherDate}`).toMatchObject(shown);
    }
    expect(at(EXPECTED, null).events.find((e) => e.family === 'deploy')?.aspect).toBe('expected');
    expect(at('North Korea may have sent soldiers to Russia already.', null).events.find((e) => e.family === 'deploy')?.aspect).not.toBe('expected');
  });

  it('still finds a contradiction in a silence written after the side spoke, in another side’s claim, and where a date is unknown', () => {
    // "Has not responded", written nine days after North Korea's own word.
    expect(judgeStance(at(SILENT, '2024-10-30'), at('North Korea confirmed that it sent troops to Russia.', '2024-10-21'), DEFAULT_PACK).stance).toBe('conflicts');
    // Two days before it: the silence and the answer describe one moment.
    expect(judgeStance(at(SILENT, '2024-10-19'), at('North Korea confirmed that it sent troops to Russia.', '2024-10-21'), DEFAULT_PACK).stance).toBe('conflicts');
    // Seoul's claim two days after Pyongyang's denial: two sides, each standing.
    expect(judgeStance(at('Seoul said North Korea had sent 3,000 troops to Russia.', '2024-10-23'), at('North Korea denied sending troops to Russia.', '2024-10-21'), DEFAULT_PACK).stance).toBe('conflicts');
    expect(judgeStance(at(CONFIRMED, null), at(RUMOR, '2024-10-22'), DEFAULT_PACK).stance).toBe('conflicts');
  });
});

describe('silence against what others say', () => {
  const claim = (text: string) => parseClaim(text, { pack: DEFAULT_PACK });
  const SILENT = claim('Moscow has not confirmed that North Korea sent troops to Russia.');
  const OTHER_SILENCE = claim('The Kremlin declined to comment on reports that North Korea sent soldiers to Russia.');
  const SEOUL = claim("South Korea's spy agency said North Korea has sent 1,500 troops to Russia.");
  const KREMLIN = claim('The Kremlin confirmed that North Korea had sent troops to Russia.');

  it('reads the silent side speaking for itself as a contradiction, whoever speaks for it', () => {
    // "The Kremlin" is Russia's voice: what it says answers Moscow's silence.
    expect(judgeStance(SILENT, KREMLIN, DEFAULT_PACK)).toEqual({ stance: 'conflicts', why: "no comment vs asserts ('has not confirmed' vs the Kremlin)" });
    expect(judgeStance(SILENT, SEOUL, DEFAULT_PACK).stance).toBe('related');
  });

  it('does not read the silent side’s hedged word as its answer: "may send" confirms nothing', () => {
    const hedged = claim('The Kremlin said North Korea may send troops to Russia.');
    expect(hedged.hedged).toBe(true);
    expect(judgeStance(SILENT, hedged, DEFAULT_PACK)).toEqual({ stance: 'related', why: "'has not confirmed' vs the Kremlin, hedged ('may')" });
    // A side that says it confirms has answered, whatever else it hedges ("could rise").
    const projected = claim('The Kremlin confirmed that 1,500 North Korean troops had arrived in Russia and that the number could rise to 12,000.');
    expect(projected.hedgeCue).not.toBeNull();
    expect(judgeStance(SILENT, projected, DEFAULT_PACK).stance).toBe('conflicts');
  });

  it('ranks another side asserting the event well below the same silence and the silent side’s own word', () => {
    // Seoul's claim leaves Moscow's silence standing: the positions do not meet, and the
    // reader looking at a silence wants the other silences and the side's own answer first.
    const score = (other: typeof SILENT) => judgePair(SILENT, other, index, 0).score;
    expect(score(OTHER_SILENCE)).toBeGreaterThan(score(SEOUL) + 0.15);
    expect(score(KREMLIN)).toBeGreaterThan(score(SEOUL) + 0.15);
  });

  it('still matches a denial with another side’s claim of the event, as the contradiction a reader checks', () => {
    // The rule is for silences: a denial and an assertion meet.
    const DENIAL = claim('Moscow denied that North Korea had sent troops to Russia.');
    expect(judgePair(DENIAL, SEOUL, index)).toMatchObject({ stance: 'conflicts', why: "denies vs asserts ('denied')" });
    expect(structuralFeatures(DENIAL, SEOUL, DEFAULT_PACK).position).toBe(1);
    expect(structuralFeatures(SILENT, SEOUL, DEFAULT_PACK).position).toBe(0);
  });
});

describe('count rules on sentences of the kind news pages carry', () => {
  const stance = (a: string, b: string) => {
    const { stance, why } = judgeStance(parseClaim(a, { pack: DEFAULT_PACK }), parseClaim(b, { pack: DEFAULT_PACK }), DEFAULT_PACK);
    return { stance, why };
  };
  const ARRIVED = 'Seoul said 1,500 North Korean troops have arrived in Russia.';

  it('tells a side that did not deny from one that has not confirmed, and lets a bare silence agree with either', () => {
    const didNotDeny = 'Putin did not deny that North Korean troops were in Russia.';
    expect(stance(didNotDeny, 'Russia has not confirmed the deployment of North Korean troops.')).toEqual({
      stance: 'related',
      why: "'did not deny' vs 'has not confirmed'",
    });
    expect(stance(didNotDeny, 'The Kremlin did not comment on the reports of North Korean troops.').stance).toBe('corroborates');
    expect(stance('The Kremlin did not comment on the reports of North Korean troops.', 'Russia has not confirmed the deployment of North Korean troops.').stance).toBe('corroborates');
  });

  it('holds a planned total against a present count as related, saying which is which', () => {
    expect(stance('The agency said Pyongyang had decided to send a total of 12,000 troops in four brigades.', ARRIVED)).toEqual({
      stance: 'related',
      why: 'planned total (had decided to send 12,000) vs present count (1,500 have arrived)',
    });
    expect(stance('Kyiv knew of 10,000 North Korean soldiers being prepared to fight against Ukraine.', ARRIVED).stance).toBe('related');
    expect(stance('North Korea has pledged to send 12,000 troops to Russia.', ARRIVED).stance).toBe('related');
  });

  it('lets two planned totals, or two present counts, that differ conflict', () => {
    expect(stance('Pyongyang intends to mobilize 10,000 troops for Russia.', 'North Korea plans to deploy 12,000 troops to Russia.')).toEqual({
      stance: 'conflicts',
      why: '10,000 vs 12,000 troops (both planned totals)',
    });
    expect(stance('North Korea has sent 3,000 troops to Russia.', ARRIVED)).toMatchObject({ stance: 'conflicts', why: '3,000 vs 1,500 troops' });
  });

  it('reads one source giving a new count as revising its figure, unless the two are dated days apart at most', () => {
    const later = 'South Korean intelligence said North Korea had sent 3,000 troops to Russia.';
    const earlier = "Seoul's spy agency said 1,500 North Korean troops had arrived in Russia.";
    expect(stance(later, earlier)).toEqual({
      stance: 'related',
      why: "revised by South Korea's National Intelligence Service? 3,000 vs 1,500 troops",
    });
    // The same source dated on the same day cannot have said both.
    const dated = (text: string) => parseClaim(text, { pack: DEFAULT_PACK, documentDate: '2024-10-23' });
    expect(judgeStance(dated(later), dated(earlier), DEFAULT_PACK)).toMatchObject({ stance: 'conflicts', why: '3,000 vs 1,500 troops' });
    // Two sources still contradict each other.
    expect(stance('The Pentagon said North Korea had sent 3,000 troops to Russia.', earlier).stance).toBe('conflicts');
  });

  it('sets a count its sentence dates beside a different one from an undated report, and lets undated-in-words counts conflict', () => {
    const undated = (text: string) => parseClaim(text, { pack: DEFAULT_PACK, documentDate: null });
    const dated = (text: string) => parseClaim(text, { pack: DEFAULT_PACK, documentDate: '2024-11-20' });
    const undatedReport = undated('The Pentagon said 3,000 North Korean troops have been sent to Russia.');
    expect(judgeStance(dated('Pyongyang sent some 11,000 troops to Russia in November, officials in Kyiv said.'), undatedReport, DEFAULT_PACK)).toEqual({
      stance: 'related',
      why: 'different times? about 11,000 (15 Nov) vs 3,000 (undated) troops',
    });
    // Either side may be the dated one.
    expect(judgeStance(undatedReport, dated('By early November, Pyongyang had sent 11,000 troops to Russia.'), DEFAULT_PACK).stance).toBe('related');
    // A count whose sentence names no time reads as the one standing when its report was written: it still conflicts.
    expect(judgeStance(dated('Pyongyang has sent 11,000 troops to Russia, officials in Kyiv said.'), undatedReport, DEFAULT_PACK)).toMatchObject({ stance: 'conflicts', why: '11,000 vs 3,000 troops' });
    // Both reports dated: their dates decide (a few days apart, a contradiction).
    expect(judgeStance(dated('Pyongyang had sent 11,000 troops to Russia by November 18, officials in Kyiv said.'), dated(undatedReport.text), DEFAULT_PACK).stance).toBe('conflicts');
  });

  it('reads two reports quoting the same words of the same speaker as the same statement', () => {
    const a = 'Zelensky said the arrival of North Korean troops was "a dangerous new stage" of the war in Ukraine.';
    const b = 'Speaking in Kyiv, Zelensky called the deployment of North Korean soldiers "a dangerous new stage" in the conflict.';
    expect(stance(a, b)).toEqual({ stance: 'corroborates', why: 'both quote Zelensky: "a dangerous new stage"' });
    // A quotation may open and run past the sentence's end, or close one opened before it.
    const opened = 'Zelensky said, "North Korean troops are a dangerous new stage of this war, and the world must answer.';
    expect(stance(opened, b).why).toBe('both quote Zelensky: "a dangerous new stage"');
    expect(stance('Zelensky said the North Korean deployment was a dangerous new stage of the war in Ukraine."', b).why).toBe('both quote Zelensky: "a dangerous new stage"');
    // The same words from someone else are another statement; shared small words are no quotation.
    expect(stance(a, 'Rutte said the arrival of North Korean troops was "a dangerous new stage" of the war.').why).not.toMatch(/both quote/);
    expect(stance('Zelensky said the troops were "of the North" in a speech.', 'Zelensky told reporters they were "of the Russian army" in Kursk.').why).not.toMatch(/both quote/);
  });

  it('holds a batch added to the force against the force as related, whatever the figures', () => {
    expect(stance('Pyongyang has sent another 1,500 troops to Russia, Seoul said.', ARRIVED)).toEqual({
      stance: 'related',
      why: 'an addition (1,500) vs 1,500 troops',
    });
    expect(stance('Seoul said 3,000 North Korean soldiers were newly transported to Kursk in a second round of deployment.', ARRIVED).stance).toBe('related');
    // Two additions of one size agree; a total against a total still conflicts.
    expect(stance('North Korea sent 1,000 more troops to Kursk, Kyiv said.', 'Pyongyang has sent an additional 1,000 soldiers to Russia.').stance).toBe('corroborates');
    expect(stance('North Korea has sent 3,000 troops to Russia.', ARRIVED).stance).toBe('conflicts');
  });

  it('reads a vague amount as a range: close figures are related, covered ones agree, far ones conflict', () => {
    expect(stance('North Korea has sent thousands of troops to Russia.', ARRIVED)).toEqual({
      stance: 'related',
      why: 'thousands vs 1,500 troops (vague amount, close)',
    });
    expect(stance('North Korea has sent thousands of troops to Russia.', 'North Korea has deployed nearly 3,000 troops to Russia.')).toMatchObject({
      stance: 'corroborates',
      why: 'both: thousands of troops (thousands vs nearly 3,000)',
    });
    expect(stance('North Korea has sent thousands of troops to Russia.', 'The Pentagon said 12,000 North Korean troops are now in Russia.').stance).toBe('related');
    expect(stance('North Korea has sent tens of thousands of troops to Russia.', 'The Pentagon said 12,000 North Korean troops are now in Russia.').stance).toBe('corroborates');
    expect(stance('North Korea has sent hundreds of troops to Russia.', 'The Pentagon said 12,000 North Korean troops are now in Russia.')).toEqual({
      stance: 'conflicts',
      why: 'hundreds vs 12,000 troops',
    });
  });
});

describe('where the troops are', () => {
  const claim = (text: string) => parseClaim(text, { pack: DEFAULT_PACK });
  const KURSK = claim("As many as 8,000 North Korean troops are in Russia's Kursk region, US officials said.");

  it('does not hold a place as broad as the front line apart from a named region', () => {
    const FRONT = claim('Zelensky said about 3,000 North Korean soldiers had been positioned near the front line.');
    expect(structuralFeatures(KURSK, FRONT, DEFAULT_PACK).place).toBeNull();
  });

  it('still holds two named regions apart, and scores the same region as shared', () => {
    const FAR_EAST = claim('About 1,500 North Korean troops were training near Vladivostok, Seoul said.');
    expect(structuralFeatures(KURSK, FAR_EAST, DEFAULT_PACK).place).toBe(0);
    expect(structuralFeatures(KURSK, claim('Ukraine said 11,000 North Korean soldiers were fighting in the Kursk region.'), DEFAULT_PACK).place).toBe(1);
  });
});

describe('assessments of what the troops change', () => {
  const claim = (text: string) => parseClaim(text, { pack: DEFAULT_PACK });
  const LITTLE = claim('Kyiv said the North Korean troops in Kursk had made little difference to the fighting so far.');
  const EXPERTS = claim('Analysts disagree on what impact the North Korean soldiers will have on Russia’s war.');

  it('pairs two assessments of the troops’ impact, however worded, as related: one judgement does not confirm another', () => {
    expect(LITTLE.events.map((e) => e.family)).toContain('impact');
    expect(claim('Officials in Washington doubt the North Korean deployment will be a game-changer for Russia.').events.map((e) => e.family)).toContain('impact');
    expect(structuralFeatures(LITTLE, EXPERTS, DEFAULT_PACK).events).toBe(1);
    expect(judgeStance(LITTLE, EXPERTS, DEFAULT_PACK).stance).toBe('related');
  });
});

describe('statements that share an event but not a fact: concern about it, arms for another side', () => {
  const claim = (text: string) => parseClaim(text, { pack: DEFAULT_PACK });
  const STATED = claim('The spy agency said Pyongyang had shipped artillery shells and rocket launchers to Russia.');
  const TROOPS = claim('Seoul’s intelligence service said North Korea had sent troops to Russia.');

  it('reads allies worried about an event as a reaction to the reports, not as confirming them', () => {
    const cases: [ExtractedClaim, string][] = [
      [STATED, 'Several European governments have voiced concern about North Korea supplying shells to Russia.'],
      [STATED, 'Tokyo expressed grave concerns over shipments of North Korean munitions to Russia.'],
      [TROOPS, 'The European Union said it was deeply concerned about reports that North Korea was sending troops to Russia.'],
    ];
    for (const [stated, worried] of cases) {
      const judged = judgeStance(stated, claim(worried), DEFAULT_PACK);
      expect(judged, worried).toMatchObject({ stance: 'related' });
      expect(judged.why, worried).toMatch(/^concern .*vs a statement of it$/);
      // Either way round.
      expect(judgeStance(claim(worried), stated, DEFAULT_PACK).stance, worried).toBe('related');
    }
  });

  it('tells arms for one side from arms for another, and says so', () => {
    const FOR_KYIV = claim('Seoul said it may start shipping artillery shells to Ukraine.');
    expect(judgeStance(STATED, FOR_KYIV, DEFAULT_PACK)).toEqual({ stance: 'related', why: 'arms supplies to Russia vs to Ukraine' });
    expect(judgeStance(FOR_KYIV, STATED, DEFAULT_PACK)).toEqual({ stance: 'related', why: 'arms supplies to Ukraine vs to Russia' });
  });

  it('still lets two statements of the event agree', () => {
    expect(judgeStance(STATED, claim('North Korea has delivered artillery shells to Russia, officials in Kyiv said.'), DEFAULT_PACK).stance).toBe('corroborates');
    // A concern voiced after the fact is stated does not frame it.
    expect(judgeStance(TROOPS, claim('The agency said North Korea had sent troops to Russia, a move that raised concerns in Washington.'), DEFAULT_PACK).stance).toBe('corroborates');
  });
});

describe('a first of its kind against an earlier report of the same', () => {
  const at = (text: string, date: string | null) => parseClaim(text, { pack: DEFAULT_PACK, documentDate: date });
  const FIRST = at('The Pentagon said on Monday that North Korean troops fighting in Kursk had suffered their first casualties.', '2024-12-16');

  it('reads "their first casualties" a month or more after a report of soldiers killed as a contradiction, either way round', () => {
    const earlier = at('Ukrainian intelligence said six North Korean soldiers were killed in a strike in Donetsk.', '2024-10-05');
    expect(judgeStance(FIRST, earlier, DEFAULT_PACK)).toEqual({ stance: 'conflicts', why: 'first casualties (16 Dec) vs casualties reported earlier (5 Oct)' });
    expect(judgeStance(earlier, FIRST, DEFAULT_PACK)).toEqual({ stance: 'conflicts', why: 'casualties (5 Oct) vs first casualties later (16 Dec)' });
    // The matcher's quick test must let this pair through to be judged: two assertions, one a first.
    expect(mayConflict(FIRST, earlier, DEFAULT_PACK) && mayConflict(earlier, FIRST, DEFAULT_PACK)).toBe(true);
  });

  it('leaves the same news confirmed days later, or undated, as agreeing', () => {
    const daysBefore = at('Ukraine said North Korean soldiers were killed in fighting in Kursk over the weekend.', '2024-12-14');
    expect(judgeStance(FIRST, daysBefore, DEFAULT_PACK).stance).toBe('corroborates');
    const undated = at('Ukraine said North Korean soldiers were killed in fighting in Kursk.', null);
    expect(judgeStance(FIRST, undated, DEFAULT_PACK).stance).toBe('corroborates');
    // "First" about something else says nothing of casualties before.
    const firstCombat = at('North Korean troops killed in Kursk were in their first battle, Seoul said.', '2024-12-16');
    expect(judgeStance(firstCombat, at('Ukrainian intelligence said six North Korean soldiers were killed in Donetsk.', '2024-10-05'), DEFAULT_PACK).stance).toBe('corroborates');
  });

  it('does not read "the first deployment" of the troops as saying no deployment came before: it is the same one', () => {
    const milestone = at('The dispatch is the first deployment of North Korean troops to a foreign war in decades, Seoul said.', '2024-12-16');
    const earlier = at('Seoul said North Korea has deployed 1,500 troops to Russia.', '2024-10-18');
    expect(judgeStance(milestone, earlier, DEFAULT_PACK).stance).toBe('corroborates');
  });
});

describe('the quick test the matcher runs before looking for a contradiction', () => {
  it('never rules out a pair that judgeStance finds conflicting, and rules out many that do not', () => {
    // Every ordered pair of the seeds' sentences from two different reports, dated as in their reports.
    let conflicting = 0;
    let ruledOut = 0;
    let others = 0;
    const missed: string[] = [];
    for (const a of index.claims) {
      for (const b of index.claims) {
        if (a.report === b.report) continue;
        const conflicts = judgeStance(a, b, DEFAULT_PACK).stance === 'conflicts';
        const may = mayConflict(a, b, DEFAULT_PACK);
        if (conflicts) {
          conflicting++;
          if (!may) missed.push(`${a.text} | ${b.text}`);
        } else {
          others++;
          if (!may) ruledOut++;
        }
      }
    }
    console.log(`mayConflict: ${conflicting} conflicting pairs of seed sentences, none ruled out; ${ruledOut} of ${others} others (${Math.round((100 * ruledOut) / others)}%) spared a full judgement`);
    expect(conflicting).toBeGreaterThan(0);
    expect(missed).toEqual([]);
    expect(ruledOut / others).toBeGreaterThan(0.25);
  });

  it('never rules out a conflicting pair of the bench article and a synthetic corpus of other wordings', () => {
    const synthetic = buildCorpusIndex(benchCorpus(1_000), DEFAULT_PACK);
    let conflicting = 0;
    const missed: string[] = [];
    for (const a of extractClaims(benchArticle().text, { pack: DEFAULT_PACK })) {
      for (const b of synthetic.claims) {
        if (judgeStance(a, b, DEFAULT_PACK).stance !== 'conflicts') continue;
        conflicting++;
        if (!mayConflict(a, b, DEFAULT_PACK)) missed.push(`${a.text} | ${b.text}`);
      }
    }
    expect(conflicting).toBeGreaterThan(100);
    expect(missed).toEqual([]);
  });
});

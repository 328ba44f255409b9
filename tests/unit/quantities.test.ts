import { describe, expect, it } from 'vitest';
import { formatQuantity, parseQuantities } from '../../lib/quantities';

/** The one quantity of a sentence, in the fields a reader relies on. */
function only(sentence: string) {
  const qs = parseQuantities(sentence);
  expect(qs, sentence).toHaveLength(1);
  const q = qs[0]!;
  return { value: q.value, unit: q.unit, kind: q.kind, approx: q.approx, hedged: q.hedged, label: formatQuantity(q) };
}

describe('parseQuantities', () => {
  it('reads a scale joined by a hyphen, as Korean outlets write it ("15-hundred", "12-thousand")', () => {
    expect(parseQuantities('transporting some 15-hundred special forces to Vladivostok')[0]).toMatchObject({ value: 1500, unit: 'special forces', approx: true });
    expect(parseQuantities('a force of 12-thousand troops')[0]).toMatchObject({ value: 12000, unit: 'troops' });
    // A range of two numbers keeps its hyphen's meaning.
    expect(parseQuantities('11,000-12,000 soldiers')[0]).toMatchObject({ value: 11000, max: 12000 });
  });

  it('reads counts with their bounds, units and kind', () => {
    expect(only('Reports of North Korea deploying nearly 3,000 troops to Russia.')).toMatchObject({
      value: 3000, unit: 'troops', kind: 'count', approx: true, hedged: false, label: 'nearly 3,000 troops',
    });
    expect(only('According to Seoul, approximately 1,500 North Korean soldiers, including special forces, have already arrived.')).toMatchObject({
      value: 1500, unit: 'soldiers', kind: 'count', approx: true,
    });
    expect(only('claiming that 1,500 North Korean special forces were already undergoing training')).toMatchObject({
      value: 1500, unit: 'special forces', kind: 'count', approx: false,
    });
    expect(only('The Pentagon said between 11,000 and 12,000 North Korean soldiers are now in Russia.')).toMatchObject({
      value: 11000, unit: 'soldiers', kind: 'count', label: '11,000-12,000 soldiers',
    });
    expect(only('We have seen an estimated 11,000 to 12,000 DPRK troops deployed to Kursk.')).toMatchObject({ label: '11,000-12,000 troops' });
    expect(only('tens of thousands of troops are massing')).toMatchObject({ value: 10000, approx: true, label: 'tens of thousands of troops' });
    expect(only('some 3,000 Storm Corps soldiers are in Kursk')).toMatchObject({ value: 3000, unit: 'soldiers', approx: true });
    expect(only('1.5 million soldiers')).toMatchObject({ value: 1_500_000 });
  });

  it('tells projections from present counts, and hedges', () => {
    expect(only('South Korean media reports suggest the potential deployment could reach 12,000 North Korean soldiers.')).toMatchObject({
      value: 12000, kind: 'projection', hedged: true,
    });
    expect(only('North Korea plans to deploy 12,000 troops to the battlefield.')).toMatchObject({ kind: 'projection', hedged: true });
    expect(only('“We know about 10,000 soldiers of North Korea that they are preparing to send to fight against us,”')).toMatchObject({
      value: 10000, kind: 'projection', approx: true,
    });
    const [arrived, rise] = parseQuantities('Seoul’s spy agency has confirmed the arrival of 1,500 North Korean troops in Russia, with sources suggesting the number could rise to 12,000.');
    expect(arrived).toMatchObject({ value: 1500, unit: 'troops', kind: 'count', hedged: false });
    expect(rise).toMatchObject({ value: 12000, unit: 'troops', kind: 'projection', hedged: true });
    const [brigades, soldiers] = parseQuantities('North Korea intends to mobilize four brigades, totaling 12,000 soldiers, to fight alongside Russian forces.');
    expect(brigades).toMatchObject({ value: 4, unit: 'brigades', kind: 'projection' });
    expect(soldiers).toMatchObject({ value: 12000, unit: 'soldiers', kind: 'projection' });
    expect(only('Pentagon says up to 12,000 North Korean troops are now in Russia')).toMatchObject({ kind: 'count', hedged: true, label: 'up to 12,000 troops' });
  });

  it('reads plans, pledges and preparations as planned totals, and "could reach" as a possibility', () => {
    const outlook = (sentence: string) => parseQuantities(sentence).map((q) => [q.value, q.kind, q.outlook]);
    // The figure a phrase continues ("in four brigades") shares its kind.
    expect(outlook('The agency said Pyongyang had decided to send a total of 12,000 troops in four brigades.')).toEqual([
      [12000, 'projection', 'planned'],
      [4, 'projection', 'planned'],
    ]);
    for (const sentence of [
      "Kyiv's intelligence knew of 10,000 North Korean soldiers being prepared to fight against Ukraine.",
      'Zelensky said 10,000 North Korean soldiers were being readied for combat.',
      'North Korea intends to mobilize 12,000 soldiers.',
      'Pyongyang has pledged to send 10,000 troops.',
      'North Korea is expected to send 3,000 more troops by December.',
      'Kim will send another 5,000 soldiers, the agency said.',
      'Pyongyang is preparing to send 10,000 soldiers to fight against us.',
      // Headline infinitive and the progressive: a total on its way, not a count of arrivals.
      'North Korea to send 12,000 troops to fight for Russia, Seoul says',
      'North Korea is sending 12,000 soldiers to Russia.',
    ]) {
      expect(outlook(sentence), sentence).toEqual([[expect.any(Number), 'projection', 'planned']]);
    }
    expect(outlook('South Korean media reports suggest the potential deployment could reach 12,000 North Korean soldiers.')).toEqual([
      [12000, 'projection', 'possible'],
    ]);
    // A modal before "already" hedges a present count; it does not make it a projection.
    expect(only('Some Ukrainian officials believe that nearly 3,000 North Korean soldiers may already be positioned near the front line.')).toMatchObject({
      value: 3000, kind: 'count', hedged: true,
    });
    expect(parseQuantities('North Korea has sent about 1,500 special forces troops to Russia.')[0]).toMatchObject({ kind: 'count', outlook: null });
    expect(parseQuantities('Some 1,500 North Korean special forces are now in Russia, with 10,000 more to follow.').map((q) => [q.value, q.kind])).toEqual([
      [1500, 'count'],
      [10000, 'projection'],
    ]);
  });

  it('reads casualties, including number words and a count continued by its verb', () => {
    expect(only('six North Korean soldiers were allegedly killed in the combat zone')).toMatchObject({
      value: 6, unit: 'soldiers killed', kind: 'casualties', hedged: true,
    });
    expect(only('Ukrainian forces said they had captured two wounded North Korean soldiers.')).toMatchObject({
      value: 2, unit: 'soldiers captured', kind: 'casualties',
    });
    const [dead, wounded] = parseQuantities('at least 100 North Korean soldiers had died and about 1,000 had been wounded since December.');
    expect(dead).toMatchObject({ value: 100, unit: 'soldiers killed' });
    expect(formatQuantity(dead!)).toBe('at least 100 soldiers killed');
    expect(wounded).toMatchObject({ value: 1000, unit: 'soldiers wounded', approx: true });
  });

  it('reads a people counted among the dead as a casualty count, but not a people counted alone', () => {
    expect(only('Ukrainian media reported that six North Koreans were among those killed in a missile strike.')).toMatchObject({
      value: 6, unit: 'people killed', kind: 'casualties',
    });
    expect(only('Police said 12 Haitians were wounded in the ambush.')).toMatchObject({ value: 12, unit: 'people wounded' });
    expect(parseQuantities('About 10,000 North Koreans work abroad, the report said.')).toEqual([]);
  });

  it('reads combined and missing tolls as casualties, and a count named as "the number of …"', () => {
    expect(only('At least 30 North Korean soldiers were killed or wounded in assaults near Plekhovo.')).toMatchObject({
      value: 30, unit: 'soldiers killed or wounded', kind: 'casualties', label: 'at least 30 soldiers killed or wounded',
    });
    expect(only('HUR said three North Korean servicemen had gone missing near Kurilovka.')).toMatchObject({ value: 3, kind: 'casualties' });
    expect(only('A U.S. official said several hundred North Korean soldiers had been killed or wounded.').label).toBe(
      'several hundred soldiers killed or wounded',
    );
    expect(only('Earlier estimates put the total number of North Korean troops in Russia at about 11,000, most of them in Kursk.')).toMatchObject({
      value: 11000, unit: 'troops', kind: 'count', label: 'about 11,000 troops',
    });
    expect(parseQuantities('The number of countries that condemned it rose to 40.')).toEqual([]);
  });

  it('marks a first group, a stage of a larger deployment, or one unit as partial', () => {
    const [planned, first] = parseQuantities(
      "South Korea's intelligence service has said that Pyongyang plans to send a total of 10,000 troops by December, after a first group of 1,500 arrived in Vladivostok.",
    );
    expect(planned).toMatchObject({ value: 10000, kind: 'projection', partial: null });
    expect(first).toMatchObject({ value: 1500, unit: 'troops', kind: 'count', partial: 'first group' });
    expect(only('North Korea has sent about 1,500 special forces to Russia, in what it described as the first stage of a larger deployment.')).toMatchObject({
      value: 1500,
    });
    expect(parseQuantities('North Korea has sent about 1,500 special forces to Russia, in what it described as the first stage of a larger deployment.')[0]!.partial).toBe('first group');
    expect(parseQuantities('A unit of about 200 North Korean soldiers attacked Ukrainian positions near Sudzha.')[0]!.partial).toBe('one unit');
    expect(
      parseQuantities('North Korea plans to send 12,000 soldiers in total, including about 1,500 special forces already in the Russian Far East.').map((q) => q.partial),
    ).toEqual([null, 'part of a total']);
    expect(parseQuantities('North Korea has sent 1,500 special forces to Russia.')[0]!.partial).toBeNull();
    expect(parseQuantities('Pyongyang has sent another 2,000 troops, Seoul said.')[0]!.partial).toBe('an addition');
    expect(parseQuantities('North Korea sent 1,000 more troops to Kursk.')[0]!.partial).toBe('an addition');
    expect(parseQuantities('Some 3,000 soldiers were newly transported to Kursk by sea.')[0]!.partial).toBe('an addition');
    expect(parseQuantities('More than 3,000 soldiers are in Kursk.')[0]!.partial).toBeNull();
  });

  it('reads wire idioms: "a 12,000-strong force", "more than a thousand"', () => {
    expect(only('North Korea has deployed a 12,000-strong force to Russia.')).toMatchObject({ value: 12000, unit: 'troops', kind: 'count' });
    expect(only('Pyongyang sent a 3,000-strong contingent of special forces.')).toMatchObject({ value: 3000, unit: 'troops' });
    expect(only('More than a thousand North Korean soldiers have been wounded.')).toMatchObject({
      value: 1000, kind: 'casualties', label: 'more than 1,000 soldiers wounded',
    });
    expect(parseQuantities('The city has a thousand-year history.')).toEqual([]);
  });

  it('reads a four-digit figure before a counted noun as a count, not a year', () => {
    expect(only('Seoul said that 2000 North Korean troops have arrived in Russia.')).toMatchObject({ value: 2000, unit: 'troops' });
  });

  it('ignores numbers that count nothing tracked', () => {
    for (const sentence of [
      'In September 2023, Putin met Kim; the meeting lasted more than five hours.',
      'Russia invaded Ukraine in February 2022.',
      'In 2024 North Korean troops arrived in Russia for the first time.',
      'UK Prime Minister Starmer Signs Historic 100-Year Partnership with Ukraine in Kyiv',
      'The delegation of the Kim Il Sung Military University visited on October 8, 2024.',
      'Aid worth $1.5 billion, 40% of the budget, arrived on Oct. 23.',
      'A 25-year-old soldier, No. 3 on the list, spoke at 10 a.m.',
      'The two leaders agreed to exchange delegations with one of their closest neighbours.',
    ]) {
      expect(parseQuantities(sentence), sentence).toEqual([]);
    }
  });

  it('formats a count the way a reader writes it', () => {
    expect(formatQuantity({ value: 12000, unit: 'troops', approx: false, hedged: true })).toBe('12,000 troops');
    expect(formatQuantity({ value: 3000, unit: 'troops', approx: true, hedged: false })).toBe('about 3,000 troops');
  });
});

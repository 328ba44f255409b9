import { describe, expect, it } from 'vitest';
import { extractClaims, extractEvidence, parseClaim } from '../../lib/claims';
import { loadSeedReports } from '../../cli/load-reports';
import { DEFAULT_PACK } from '../../lib/topics';

const NIS = "South Korea's National Intelligence Service";
const reports = loadSeedReports();
const seed = (prefix: string) => reports.find((r) => r.id.startsWith(prefix))!;
const claimsOf = (prefix: string) => extractClaims(seed(prefix).text, { pack: DEFAULT_PACK, documentDate: seed(prefix).date });
/** The event families read in a sentence of its own. */
const familiesOf = (text: string) => parseClaim(text, { pack: DEFAULT_PACK }).events.map((e) => e.family);
const claimStarting = (prefix: string, start: string) => {
  const c = claimsOf(prefix).find((x) => x.text.replace(/\s+/g, ' ').startsWith(start));
  expect(c, `${prefix}: ${start}`).toBeDefined();
  return c!;
};

describe('extractClaims', () => {
  it('returns exact pieces of the input', () => {
    for (const r of reports) {
      for (const c of extractClaims(r.text, { pack: DEFAULT_PACK })) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('picks the checkable sentences and leaves the rest', () => {
    const texts = claimsOf('002').map((c) => c.text);
    expect(texts.some((t) => t.startsWith('According to Seoul’s intelligence agency, approximately 1,500'))).toBe(true);
    expect(texts.some((t) => t.startsWith('South Korean media reports suggest'))).toBe(true);
    expect(texts).not.toContain('Defense experts offer varying perspectives on the impact of North Korean involvement.');
    // Boilerplate teasers about other stories are not claims about this one.
    const off = extractClaims('Israel will release more than 1,800 Palestinian prisoners as part of the ceasefire deal, Egypt says.', { pack: DEFAULT_PACK });
    expect(off).toEqual([]);
  });

  it('leaves out teasers and captions that page furniture labels ("Read more:", "Related:", "Photo:")', () => {
    const page = [
      'North Korean troops are fighting in Kursk, Kyiv says.',
      'READ MORE: North Korea sends 1,500 troops to Russia, Seoul says',
      'Related: Kremlin denies North Korean troops are in Russia',
      'Photo: North Korean soldiers train near Vladivostok.',
      'Watch: Zelensky says 11,000 North Korean troops are in Kursk',
    ].join('\n\n');
    expect(extractClaims(page, { pack: DEFAULT_PACK }).map((c) => c.text)).toEqual(['North Korean troops are fighting in Kursk, Kyiv says.']);
  });

  it('needs a topic anchor in the sentence itself, not only a speaker carried over from the sentence before', () => {
    // A caption left in a real page (bbc-1) after an on-topic paragraph.
    const page = [
      'Some Ukrainian officials believe that nearly 3,000 North Korean soldiers may already be positioned near the front line.',
      'The president said he would continue fighting for greater gun control laws',
      'He said the troops had been sent to the Kursk region.',
      'The official added that the deployment had begun in October.',
    ].join('\n\n');
    const texts = extractClaims(page, { pack: DEFAULT_PACK }).map((c) => c.text);
    expect(texts).not.toContain('The president said he would continue fighting for greater gun control laws');
    expect(texts).toContain('He said the troops had been sent to the Kursk region.');
    expect(texts).toContain('The official added that the deployment had begun in October.');
  });

  it('folds every name of Seoul’s spy agency into one source, and sees through the outlet relaying it', () => {
    expect(claimStarting('002', 'According to Seoul’s intelligence agency').attribution).toBe(NIS);
    expect(claimStarting('003', "Seoul's spy agency said Friday").attribution).toBe(NIS);
    expect(claimStarting('004', 'Seoul’s spy agency has confirmed').attribution).toBe(NIS);
    const viaYonhap = claimStarting('004', 'According to South Korea’s Yonhap News Agency');
    expect(viaYonhap.attribution).toBe(NIS);
    expect(viaYonhap.via).toBe('Yonhap');
    const anonymous = claimStarting('003', 'South Korea may soon deploy');
    expect(anonymous.attribution).toBe('an anonymous South Korean government source');
    expect(anonymous.via).toBe('Yonhap');
  });

  it('names people as sources, and follows "he said" and "Minister Kim" back to them', () => {
    expect(claimStarting('004', '“We know about 10,000 soldiers').attribution).toBe('Zelensky');
    expect(claimStarting('000', 'Zelenskyy shared intelligence').attribution).toBe('Zelensky');
    expect(claimStarting('002', 'Ukrainian military analyst Valeriy Ryabykh').attribution).toBe('Valeriy Ryabykh');
    expect(claimStarting('004', 'Valeriy Ryabykh, editor at').attribution).toBe('Valeriy Ryabykh');
    expect(claimStarting('000', 'At a press briefing').attribution).toBe("South Korea's Defence Ministry");
    expect(claimStarting('000', '"Let me be clear').attribution).toBe("South Korea's Defence Ministry");
    expect(claimStarting('004', 'Zelensky noted that Ukrainian intelligence').attribution).toBe("Ukraine's military intelligence (HUR)");
  });

  it('reads a source whose abbreviation stands in brackets after its name ("the Main Intelligence Directorate (GUR) said")', () => {
    const spaced = parseClaim('South Korea’s National Intelligence Service (NIS) said about 1,500 North Korean soldiers had arrived in Vladivostok.', { pack: DEFAULT_PACK });
    expect(spaced.attribution).toBe(NIS);
    // Copied pages lose the space before the bracket.
    const tight = parseClaim('The National Intelligence Service(NIS) says North Korea began sending troops to Russia on 8 October.', { pack: DEFAULT_PACK });
    expect(tight.attribution).toBe(NIS);
    const ukraine = parseClaim('The Main Intelligence Directorate (GUR) said 11,000 North Korean troops were in Kursk.', { pack: DEFAULT_PACK });
    expect(ukraine.attribution).toBe("Ukraine's military intelligence (HUR)");
  });

  it('finds a source named with its owner after "of" as well as before it', () => {
    const mission = parseClaim('The permanent mission of North Korea to the United Nations has denied reports that North Korean troops are in Russia.', { pack: DEFAULT_PACK });
    expect(mission).toMatchObject({ attribution: "North Korea's UN mission", polarity: 'denies' });
    const ministry = parseClaim('The foreign ministry of Russia said the reports of North Korean soldiers in Kursk were fake.', { pack: DEFAULT_PACK });
    expect(ministry.attribution).toBe("Russia's Foreign Ministry");
  });

  it('reads a side that sees no need to confirm as silent on the event', () => {
    const c = parseClaim('North Korea’s foreign ministry does not feel the need to confirm the reports of its troops in Russia, a spokesman said.', { pack: DEFAULT_PACK });
    expect(c.polarity).toBe('no-comment');
    expect(c.polarityCue).toBe('does not feel the need to confirm');
  });

  it('takes a movement the sentence dates to a day or part of a month as a claim, whoever moved', () => {
    const moved = parseClaim('The soldier left North Korea in early October and trained near Vladivostok, Russia, before being transferred to the Kursk region in mid-December.', { pack: DEFAULT_PACK, documentDate: '2025-02-14' });
    expect(moved.checkable).toContain('dated');
    // A weekday alone dates a statement, not the event's place in the story.
    expect(parseClaim('The troops were moved to the border on Friday.', { pack: DEFAULT_PACK, documentDate: '2025-02-14' }).checkable).not.toContain('dated');
  });

  it('keeps every side named as saying it together ("Seoul and Washington said")', () => {
    const joint = parseClaim('Seoul and Washington said thousands of North Korean soldiers had been sent to Russia.', { pack: DEFAULT_PACK });
    expect(joint.attribution).toBe('United States');
    expect(joint.jointSources).toEqual(['South Korea']);
    const three = parseClaim('Kyiv, Seoul and Washington say 11,000 North Korean troops are in Kursk.', { pack: DEFAULT_PACK });
    expect([three.attribution, ...three.jointSources].sort()).toEqual(['South Korea', 'Ukraine', 'United States']);
    // A name before the speaker that is not joined to it by "and" speaks no part.
    const unlike = parseClaim('Unlike Moscow, Washington said 10,000 North Korean troops had arrived in Russia.', { pack: DEFAULT_PACK });
    expect(unlike.attribution).toBe('United States');
    expect(unlike.jointSources).toEqual([]);
  });

  it('reads denials and silences, with who denies and the words they used', () => {
    const rumor = claimStarting('003', 'A North Korean representative');
    expect(rumor.polarity).toBe('denies');
    expect(rumor.polarityActors).toEqual(['North Korea']);
    expect(rumor.polarityCue).toMatch(/^dismissed as a “groundless rumor/);

    const neither = claimStarting('000', 'Neither North Korea nor Russia');
    expect(neither.polarity).toBe('no-comment');
    expect(neither.polarityCue).toBe('has not responded');
    expect(neither.polarityActors.sort()).toEqual(['North Korea', 'Russia']);

    const notConfirmed = claimStarting('003', 'Russia has not confirmed');
    expect(notConfirmed.polarity).toBe('no-comment');
    // Only the deployment is left unconfirmed; the defence of the ties is asserted.
    expect(notConfirmed.events.find((e) => e.family === 'deploy')!.polarity).toBe('no-comment');
    expect(notConfirmed.events.find((e) => e.family === 'justify')!.polarity).toBe('asserts');

    const noDispatch = claimStarting('000', 'South Korean Defence Minister');
    expect(noDispatch).toMatchObject({ polarity: 'denies', polarityCue: 'will not dispatch', force: 'South Korea', role: 'combat' });
    expect(claimStarting('001', 'The Kremlin and the Russian Ministry').polarity).toBe('no-comment');
  });

  it('reads a negated denial, or an inability to verify, as no comment, and names who stays silent', () => {
    const c = (s: string) => parseClaim(s, { pack: DEFAULT_PACK });
    expect(c('Asked about the reports, Putin did not deny them.')).toMatchObject({ polarity: 'no-comment', polarityCue: 'did not deny', polarityActors: ['Russia'] });
    expect(c('The Kremlin has neither confirmed nor denied the presence of North Korean soldiers.')).toMatchObject({
      polarity: 'no-comment', polarityCue: 'neither confirmed nor denied', polarityActors: ['Russia'],
    });
    // The same silence with its verbs the other way round is no denial either.
    expect(c('Moscow has neither denied nor confirmed reports that thousands of North Korean soldiers were sent to Kursk.')).toMatchObject({
      polarity: 'no-comment', polarityCue: 'neither denied nor confirmed', polarityActors: ['Russia'],
    });
    expect(c('Neither Moscow nor Pyongyang has acknowledged the deployment.')).toMatchObject({
      polarity: 'no-comment', polarityCue: 'has not acknowledged', polarityActors: ['Russia', 'North Korea'],
    });
    expect(c('Moscow has refused to confirm or deny the presence of North Korean troops.')).toMatchObject({ polarity: 'no-comment', polarityCue: 'refused to confirm' });
    expect(c('Kremlin spokesman Dmitry Peskov said he had no information about North Korean soldiers in Russia.').polarity).toBe('no-comment');
    expect(c('The United States has not independently confirmed the presence of North Korean troops in Kursk.').polarity).toBe('no-comment');
    // "Is yet to", as British and Asian outlets write it, is the same silence as "has yet to".
    expect(c('The United States is yet to confirm the presence of North Korean troops in Russia.')).toMatchObject({ polarity: 'no-comment', polarityCue: 'is yet to confirm' });
    const unverified = c("South Korean officials said they could not verify Zelensky's claim that 11,000 North Korean soldiers were already in Kursk.");
    expect(unverified).toMatchObject({ polarity: 'no-comment', polarityCue: 'could not verify', polarityActors: ['South Korea'] });
    // The object of a silence is not its speaker.
    expect(c("Allies cannot confirm Zelensky's figure of North Korean troops in Kursk").polarityActors).not.toContain('Ukraine');
    // A denial in words of its own, with the rest of the sentence asserted.
    const fake = c('Kremlin spokesman Dmitry Peskov called them "another fake" and said Russia\'s cooperation with Pyongyang was not directed against third countries.');
    expect(fake).toMatchObject({ polarity: 'denies', attribution: 'the Kremlin' });
    expect(fake.events.find((e) => e.family === 'justify')?.polarity).toBe('asserts');
    // ", and" before a name opens a clause: the first silence is bare, the second is about combat.
    const two = c("Russia's defence ministry did not respond to a request for comment, and Moscow has never officially confirmed that North Korean troops are fighting in Kursk.");
    expect(two.events.map((e) => `${e.family}:${e.polarity}`)).toEqual(['deploy:no-comment', 'fight:no-comment']);
  });

  it('says whose forces, which event and in what role', () => {
    // A place before the verb is not its subject.
    expect(
      parseClaim('Lee said the agency believed North Korea intends to rotate fresh units into Russia and could eventually send as many as 100,000 soldiers.', { pack: DEFAULT_PACK }).force,
    ).not.toBe('Russia');
    // Forces named between a name and the verb are what is sent: the name is not the sender.
    expect(
      parseClaim('The Ukrainian leader, who urged Seoul to do more for Kyiv, warned that once the North Korean troops are deployed they will be thrown into assaults.', { pack: DEFAULT_PACK }),
    ).toMatchObject({ force: 'North Korea', forceEvidence: 'strong' });
    // The subject of a passive is what is sent: a place named before it sends nothing.
    expect(
      parseClaim('The soldier left North Korea in early October and trained near Vladivostok, Russia, before being transferred to the Kursk region in mid-December.', { pack: DEFAULT_PACK }),
    ).toMatchObject({ force: null, forceEvidence: null });
    // Sending a delegation or a letter sends no forces: no deployment, and no one's forces.
    expect(familiesOf('Zelensky announced that Kyiv plans to send a high-level delegation to Seoul to discuss North Korean troops in Russia.')).not.toContain('deploy');
    expect(familiesOf('Pyongyang sent a letter to Moscow about the troops.')).not.toContain('deploy');
    expect(familiesOf('Pyongyang plans to send a delegation of officers and 2,000 troops to Russia.')).toContain('deploy');
    // The owner of a deployment named as news names it: "Pyongyang's troop deployment", unless it is of someone else's troops.
    for (const text of [
      'Seoul convened an emergency meeting over North Korea’s troop deployment to Russia.',
      'The North Korean troop dispatch has alarmed officials in Kyiv.',
      'Analysts said Pyongyang’s deployment of soldiers to Kursk marks a new phase.',
    ]) {
      expect(parseClaim(text, { pack: DEFAULT_PACK }), text).toMatchObject({ force: 'North Korea', forceEvidence: 'strong' });
    }
    expect(parseClaim('Kyiv described Moscow’s deployment of North Korean troops in Kursk as a sign of weakness.', { pack: DEFAULT_PACK }).force).toBe('North Korea');
    // Arms go to someone: after "to" or "for", or between the verb and "with"; unnamed, no one.
    const recipientOf = (text: string, family = 'supply') => parseClaim(text, { pack: DEFAULT_PACK }).events.find((e) => e.family === family)?.recipient;
    expect(recipientOf('Officials said Pyongyang had shipped millions of artillery shells to Russia since last year.')).toBe('Russia');
    expect(recipientOf('Seoul is weighing whether to supply Kyiv with air-defence weapons.')).toBe('Ukraine');
    // What Russia gives in return for the troops is compensation, not arms; it goes to someone too.
    expect(recipientOf('The ministry said Moscow could be providing advanced technology for the North in return.', 'compensate')).toBe('North Korea');
    expect(recipientOf('Analysts expect the arms shipments to continue through the winter.')).toBeNull();
    expect(claimStarting('003', "Seoul's spy agency said Friday")).toMatchObject({ force: 'North Korea', places: expect.arrayContaining(["Russia's Far East"]) });
    expect(claimStarting('003', 'South Korea may soon deploy')).toMatchObject({ force: 'South Korea', role: 'intelligence', hedged: true });
    expect(claimStarting('001', 'North Korea may send troops')).toMatchObject({ force: 'North Korea', hedged: true, predicates: ['deploy'] });
    expect(claimStarting('001', 'Seoul believes that Kim Jong-un').force).toBe('North Korea');
  });

  it('takes "the agency said" to mean the last agency that spoke, not the lawmaker quoting it', () => {
    const text = [
      "North Korea is preparing to send additional troops to Russia, South Korea's spy agency told lawmakers on Wednesday.",
      'Lawmaker Lee Seong-kweun said the agency believed North Korea could eventually send as many as 100,000 soldiers.',
      "The agency said North Korea's first group of about 1,500 special forces had left for Russia in October.",
    ].join('\n\n');
    const claims = extractClaims(text, { pack: DEFAULT_PACK });
    expect(claims.map((c) => c.attribution)).toEqual([NIS, 'Lee Seong-kweun', NIS]);
  });

  it("gives a count to the source whose finding states it, while the next \"she said\" stays with the one who spoke", () => {
    const text = [
      "Maria Zakharova, the Russian foreign ministry's spokeswoman, issued a warning to Seoul after its spy agency's assessment that about 3,000 North Korean troops had reached Russia.",
      '“Seoul should think hard about the consequences for its own security if it sends weapons to Kyiv,” she said.',
    ].join('\n\n');
    const claims = extractClaims(text, { pack: DEFAULT_PACK });
    expect(claims.map((c) => c.attribution)).toEqual([NIS, "Russia's Foreign Ministry"]);
  });

  it('dates background events against the report’s own date', () => {
    const putin = claimStarting('001', 'In September 2023, the President of Russia');
    expect(putin).toMatchObject({ when: '2023-09', historical: true, polarity: 'denies' });
  });

  it('reads wire-copy phrasing it was not tuned on', () => {
    const c = (s: string) => parseClaim(s, { pack: DEFAULT_PACK });
    expect(c('Kremlin spokesman Dmitry Peskov declined to comment on the Pentagon’s figures on Tuesday.')).toMatchObject({
      polarity: 'no-comment', polarityActors: ['Russia'],
    });
    expect(c('Moscow has never officially acknowledged the presence of North Korean soldiers on its territory.').polarity).toBe('no-comment');
    expect(c('North Korea’s mission to the United Nations also denied the reports on Thursday.')).toMatchObject({
      polarity: 'denies', attribution: "North Korea's UN mission",
    });
    expect(c('"Sending combat units is not under consideration at all," the official said.')).toMatchObject({ polarity: 'denies', role: 'combat' });
    expect(c('The Pentagon said on Monday it believes between 11,000 and 12,000 North Korean soldiers are now in Russia.')).toMatchObject({
      attribution: 'the Pentagon', force: 'North Korea', checkable: expect.arrayContaining(['count']),
    });
  });

  it('reads "the North" as North Korea, but not "the North Atlantic"', () => {
    const c = (s: string) => parseClaim(s, { pack: DEFAULT_PACK });
    expect(c('Officials in Kyiv fear the North is sending more troops to Russia this winter.')).toMatchObject({
      force: 'North Korea', checkable: expect.arrayContaining(['event']),
    });
    expect(c('The North Atlantic alliance sent more troops to Poland this winter.').actors).not.toContain('North Korea');
  });

  it('takes a people named after a deployment noun as the forces: "the arrival in Russia of the North Koreans"', () => {
    const c = parseClaim('Kyiv’s gains have been reversed since the arrival in Russia of the North Koreans last autumn.', { pack: DEFAULT_PACK });
    expect(c).toMatchObject({ force: 'North Korea', checkable: expect.arrayContaining(['event']) });
  });

  it('reads calling the reports a rumour or propaganda as a denial, not as a claim of the deployment', () => {
    const c = (s: string) => parseClaim(s, { pack: DEFAULT_PACK });
    expect(c('Pyongyang’s envoy called the reports of North Korean troops in Russia "a rumor spread by Seoul."')).toMatchObject({ polarity: 'denies' });
    expect(c('The ministry labelled the allegations about soldiers sent to Kursk as propaganda.')).toMatchObject({ polarity: 'denies' });
  });

  it('gives a quotation of several sentences its speaker, and stops at its end', () => {
    const text = [
      'Zelensky told reporters in Kyiv on Monday, "We see more North Korean soldiers at the front every week.',
      'They are being sent to Kursk in groups of several hundred, and Russia hides their losses."',
      'Heavy fighting continued near the Kursk border on Tuesday, with North Korean units taking part.',
    ].join(' ');
    expect(extractClaims(text, { pack: DEFAULT_PACK }).map((c) => c.speaker)).toEqual(['Zelensky', 'Zelensky', null]);
  });

  it('takes "issued a warning" as a reporting verb, so the one who warned is the source, not the next name', () => {
    const [c] = extractClaims('Maria Zakharova issued a warning after Seoul announced new measures over North Korean troops in Russia.', { pack: DEFAULT_PACK });
    expect(c!.attribution).toBe("Russia's Foreign Ministry");
  });

  it('reads the contracted silences ("didn\'t immediately confirm", "hasn\'t commented") as silences', () => {
    const c = (s: string) => parseClaim(s, { pack: DEFAULT_PACK });
    expect(c('Seoul’s spy agency didn’t immediately confirm the report about North Korean troops in Kursk.').polarity).toBe('no-comment');
    expect(c('The Kremlin hasn’t commented on the figures for North Korean soldiers in Russia.').polarity).toBe('no-comment');
  });

  it('does not take what reports say for an assertion when the speaker will not confirm it', () => {
    const c = parseClaim('The Kremlin called the latest reports about the dispatch of North Korean troops confusing, but did not confirm them.', { pack: DEFAULT_PACK });
    expect(c.events.map((e) => `${e.family}:${e.polarity}`)).toEqual(['deploy:no-comment']);
    // Confirming the reports is asserting what they say.
    const confirmed = parseClaim('Seoul’s spy agency confirmed reports about the dispatch of North Korean troops to Russia.', { pack: DEFAULT_PACK });
    expect(confirmed.events.map((e) => `${e.family}:${e.polarity}`)).toContain('deploy:asserts');
  });

  // Each event family in the words news uses for it, with a sentence that must not read as it.
  const WORDINGS: { family: string; what: string; reads: string[]; not: string }[] = [
    {
      family: 'involve',
      what: 'involvement in the war in any of its verb forms, and not involvement in anything else',
      reads: [
        'Moscow warned Seoul of the consequences if it gets involved in the war in Ukraine.',
        'Officials in Kyiv fear that North Korea will intervene more directly next year.',
        'Analysts say South Korea is unlikely to join the war against Russia.',
        'Russia criticised South Korea’s involvement in the Ukrainian conflict.',
      ],
      not: 'A South Korean lawmaker involved in the budget talks asked about North Korea and Russia.',
    },
    {
      family: 'challenge',
      what: "the troops' shortcomings however a report words them",
      reads: [
        'Ukrainian officers say the North Korean soldiers are poorly trained for drone warfare.',
        'Analysts said North Korean units in Kursk lack experience of modern combat.',
        'The North Korean troops appeared inexperienced and took heavy losses, Kyiv said.',
        'A Pentagon official said the North Korean soldiers had an insufficient grasp of Russian commands.',
        'Seoul said communication problems slowed the North Korean units fighting with Russian forces.',
      ],
      not: 'North Korea sent 1,500 special forces to Russia, Seoul said.',
    },
    {
      family: 'fight',
      what: 'combat in the other words war reporting uses for it',
      reads: [
        'Ukraine reported its first clashes with North Korean units in the Kursk region.',
        'North Korean soldiers joined a Russian counteroffensive near Sudzha, Kyiv said.',
      ],
      not: 'Russia ratified the treaty, which applies if either side suffers an armed attack.',
    },
    {
      family: 'casualty',
      what: 'the toll of combat in the other words war reporting uses for it',
      reads: [
        'Seoul said the North Korean fatalities in Kursk had passed 300.',
        'Dozens of North Korean soldiers lost their lives in a drone strike, Ukraine said.',
      ],
      not: 'North Korean soldiers have been trained in Russia’s Far East since October.',
    },
  ];
  for (const { family, what, reads, not } of WORDINGS) {
    it(`reads ${what}`, () => {
      for (const text of reads) expect(familiesOf(text), text).toContain(family);
      expect(familiesOf(not), not).not.toContain(family);
    });
  }

  it('reads ratifying the treaty as news of the pact, and takes the sentence as a claim', () => {
    const c = parseClaim('Russia ratified the agreement with North Korea last week, and Pyongyang is expected to follow.', { pack: DEFAULT_PACK });
    expect(c.events.map((e) => e.family)).toContain('pact');
    expect(c.checkable.length).toBeGreaterThan(0);
    expect(parseClaim('The ratification of the pact by North Korea’s parliament was reported by state media.', { pack: DEFAULT_PACK }).events.map((e) => e.family)).toContain('pact');
  });

  it('reads "there has been no statement from" as a silence', () => {
    const c = parseClaim('There has been no official response from Moscow or Pyongyang to the report.', { pack: DEFAULT_PACK });
    expect(c).toMatchObject({ polarity: 'no-comment', checkable: ['no comment'] });
  });
});

describe('extractEvidence', () => {
  const text = [
    'North Korea has sent 3,000 troops to Russia, South Korea’s spy agency said on Monday.',
    'Military experts doubt that the troops will change the course of the war in Ukraine.',
    'The two leaders agreed to stay in close contact about the next steps.',
    'Subscribe to our newsletter to get the day’s top stories every morning.',
  ].join('\n\n');

  it('keeps every sentence of the story as evidence, claims or not, and leaves out what is not about it', () => {
    expect(extractClaims(text, { pack: DEFAULT_PACK }).map((c) => c.text)).toEqual([
      'North Korea has sent 3,000 troops to Russia, South Korea’s spy agency said on Monday.',
    ]);
    expect(extractEvidence(text, { pack: DEFAULT_PACK }).map((c) => c.text)).toEqual([
      'North Korea has sent 3,000 troops to Russia, South Korea’s spy agency said on Monday.',
      // Names the story's places and forces: an assessment, not a checkable claim.
      'Military experts doubt that the troops will change the course of the war in Ukraine.',
      // Names nothing, but points back to a sentence of the story.
      'The two leaders agreed to stay in close contact about the next steps.',
    ]);
  });

  it('returns exact pieces of the input', () => {
    for (const r of reports) {
      for (const c of extractEvidence(r.text, { pack: DEFAULT_PACK })) expect(r.text.slice(c.start, c.end)).toBe(c.text);
    }
  });
});

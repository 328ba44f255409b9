// Synthetic reports on the tracked topic, generated from a seeded PRNG so that every run
// (and every machine) measures the same corpus. The sentences follow the shapes of the
// seed reports: a figure with its unit and place, who said it and when, hedged or not,
// and denials from the other side. The vocabulary is wide enough that fuzzy matching
// has to tell near neighbours apart (3,000 vs 13,000 troops, Kursk vs Kharkiv).

import { pick, seededRandom, type Random } from './stats';
import type { Report } from '../lib/types';

/** Claim sentences per synthetic report (the seeds hold 8 to 20 sentences each). */
export const CLAIMS_PER_REPORT = 10;
/** Sentences per paragraph in a synthetic report. */
const SENTENCES_PER_PARAGRAPH = 3;

const ACTORS = [
  'South Korea’s National Intelligence Service', 'Seoul’s spy agency', 'South Korea’s Joint Chiefs of Staff',
  'South Korean Defense Minister Kim Yong-hyun', 'South Korean lawmaker Lee Seong-kweun', 'Yonhap, citing a government source,',
  'Ukrainian President Volodymyr Zelensky', 'Ukraine’s military intelligence agency', 'Kyrylo Budanov, the head of Ukraine’s military intelligence,',
  'Ukraine’s General Staff', 'Ukrainian Defense Minister Rustem Umerov', 'Pentagon spokesperson Sabrina Singh',
  'U.S. Defense Secretary Lloyd Austin', 'White House spokesman John Kirby', 'Secretary of State Antony Blinken',
  'NATO Secretary-General Mark Rutte', 'the Institute for the Study of War', 'Britain’s Ministry of Defence',
  'a senior U.S. official', 'Japanese Foreign Minister Takeshi Iwaya', 'the European Union’s foreign policy chief',
  'Ukrainian military analyst Valeriy Ryabykh', 'the BBC’s Russian service', 'South Korean President Yoon Suk Yeol',
] as const;

const OUTLETS = [
  'Yonhap', 'Reuters', 'Associated Press', 'AFP', 'BBC News', 'The Guardian', 'Kyiv Independent', 'Korea Herald',
  'NK News', 'The Moscow Times', 'CNN', 'Al Jazeera', 'Politico Europe', 'Nikkei Asia', 'Euronews', 'Radio Free Asia',
] as const;

const DENIERS = [
  'The Kremlin', 'Kremlin spokesman Dmitry Peskov', 'Russian Foreign Ministry spokeswoman Maria Zakharova',
  'North Korea’s mission to the United Nations', 'North Korean Vice Foreign Minister Kim Jong Gyu',
  'Russia’s ambassador in Seoul, Georgiy Zinoviev,', 'Russian President Vladimir Putin', 'North Korea’s state news agency KCNA',
] as const;

const DISMISSALS = [
  'a groundless rumor', 'fake news', 'a provocation', 'Western disinformation', 'complete nonsense',
  'baseless speculation', 'a smear campaign',
] as const;

const FIGURES = [
  500, 1_000, 1_500, 2_000, 2_500, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 10_000, 11_000, 12_000, 13_000,
  15_000, 20_000, 25_000, 30_000, 50_000, 100_000,
] as const;

const CASUALTIES = [6, 30, 40, 100, 200, 300, 500, 1_000, 1_200, 3_000, 4_000] as const;

const UNITS = [
  'troops', 'soldiers', 'special forces', 'military personnel', 'special operations forces', 'infantry troops',
  'servicemen', 'Storm Corps soldiers',
] as const;

const HEDGES = ['', 'approximately ', 'about ', 'nearly ', 'at least ', 'more than ', 'up to ', 'around ', 'some '] as const;

const PLACES = [
  'Russia’s Far East', 'the Kursk region', 'Ussuriysk', 'Vladivostok', 'the front lines in Ukraine', 'Russia',
  'the Primorsky region', 'Khabarovsk', 'the Donbas', 'the border area near Sudzha', 'occupied Luhansk',
  'training grounds near Ussuriysk', 'the Belgorod region', 'Kharkiv',
] as const;

const ARRIVALS = [
  'have arrived in', 'were deployed to', 'are training in', 'were sent to', 'are fighting in', 'have been moved to',
  'are stationed in', 'have been spotted in', 'were transported to',
] as const;

const DATES = [
  'on Friday', 'on Tuesday', 'on October 18', 'on Oct. 23', 'in early November', 'last week', 'on November 4',
  'in late October', 'this month', 'on Monday', 'on December 16', 'on Oct. 31', 'earlier this week',
] as const;

const MONTHS = ['November', 'December', 'January', 'the end of the year', 'the spring'] as const;

type Template = (r: Random) => string;

const num = (n: number) => n.toLocaleString('en-US');
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Sentence shapes taken from the seeds and from wire copy on the topic. */
const TEMPLATES: Template[] = [
  (r) => `${pick(r, ACTORS)} said ${pick(r, DATES)} that ${pick(r, HEDGES)}${num(pick(r, FIGURES))} North Korean ${pick(r, UNITS)} ${pick(r, ARRIVALS)} ${pick(r, PLACES)}.`,
  (r) => `According to ${pick(r, ACTORS).replace(/,$/, '')}, ${pick(r, HEDGES)}${num(pick(r, FIGURES))} North Korean ${pick(r, UNITS)} ${pick(r, ARRIVALS)} ${pick(r, PLACES)}.`,
  (r) => `${cap(pick(r, HEDGES))}${num(pick(r, FIGURES))} North Korean ${pick(r, UNITS)} ${pick(r, ARRIVALS)} ${pick(r, PLACES)}, ${pick(r, ACTORS)} said ${pick(r, DATES)}.`,
  (r) => `${cap(pick(r, ACTORS))} estimated that North Korea could send up to ${num(pick(r, FIGURES))} ${pick(r, UNITS)} to Russia by ${pick(r, MONTHS)}.`,
  (r) => `${pick(r, DENIERS)} denied ${pick(r, DATES)} that North Korean ${pick(r, UNITS)} were fighting in Ukraine, calling the reports ${pick(r, DISMISSALS)}.`,
  (r) => `${pick(r, DENIERS)} dismissed reports of North Korean ${pick(r, UNITS)} in ${pick(r, PLACES)} as ${pick(r, DISMISSALS)}.`,
  (r) => `${cap(pick(r, ACTORS))} said ${pick(r, DATES)} that ${num(pick(r, CASUALTIES))} North Korean soldiers had been killed or wounded in ${pick(r, PLACES)}.`,
  (r) => `North Korea plans to deploy ${pick(r, ['two', 'three', 'four', 'five', 'six'])} brigades, totaling ${num(pick(r, FIGURES))} soldiers, ${pick(r, ACTORS)} said.`,
  (r) => `${cap(pick(r, ACTORS))} confirmed ${pick(r, DATES)} that North Korean troops had engaged Ukrainian forces in ${pick(r, PLACES)}.`,
  (r) => `${cap(pick(r, ACTORS))} warned that the number of North Korean troops in Russia could rise to ${num(pick(r, FIGURES))} by ${pick(r, MONTHS)}.`,
  (r) => `${cap(pick(r, ACTORS))} reported ${pick(r, DATES)} that the first North Korean units had reached the front line in ${pick(r, PLACES)}.`,
  (r) => `${pick(r, DENIERS)} has not confirmed the presence of North Korean ${pick(r, UNITS)} in ${pick(r, PLACES)}.`,
  (r) => `${cap(pick(r, ACTORS))} said ${pick(r, DATES)} that Ukrainian forces had captured ${pick(r, ['two', 'three', 'several', 'six'])} wounded North Korean soldiers in ${pick(r, PLACES)}.`,
  (r) => `North Korean ${pick(r, UNITS)} may be assigned to guard sections of the Russian-Ukrainian border, ${pick(r, ACTORS)} said ${pick(r, DATES)}.`,
];

/** One claim-like sentence. */
export function syntheticClaim(r: Random): string {
  return pick(r, TEMPLATES)(r);
}

const TITLES: Template[] = [
  (r) => `${cap(pick(r, HEDGES))}${num(pick(r, FIGURES))} North Korean troops in ${pick(r, PLACES)}, says ${pick(r, ACTORS).replace(/,$/, '')}`,
  (r) => `North Korea sends ${pick(r, UNITS)} to aid Russia’s war in Ukraine`,
  (r) => `${pick(r, DENIERS).replace(/,$/, '')} rejects reports of North Korean ${pick(r, UNITS)}`,
  () => 'What we know about North Korean soldiers fighting for Russia',
];

/**
 * Synthetic reports holding `claims` claim sentences in total (CLAIMS_PER_REPORT each).
 * `seed` picks the sequence; the same seed always gives the same reports.
 */
export function syntheticReports(claims: number, seed = 20241018): Report[] {
  const r = seededRandom(seed);
  const reports: Report[] = [];
  const count = Math.ceil(claims / CLAIMS_PER_REPORT);
  for (let i = 0; i < count; i++) {
    const n = Math.min(CLAIMS_PER_REPORT, claims - i * CLAIMS_PER_REPORT);
    const sentences = Array.from({ length: n }, () => syntheticClaim(r));
    const paragraphs: string[] = [];
    for (let p = 0; p < sentences.length; p += SENTENCES_PER_PARAGRAPH) {
      paragraphs.push(sentences.slice(p, p + SENTENCES_PER_PARAGRAPH).join(' '));
    }
    const day = 1 + Math.floor(r() * 61); // 1 Oct .. 30 Nov 2024
    const date = new Date(Date.UTC(2024, 9, day)).toISOString().slice(0, 10);
    reports.push({
      id: `bench_${seed}_${i}`,
      title: pick(r, TITLES)(r),
      outlet: pick(r, OUTLETS),
      date,
      author: null,
      url: `https://example.org/bench/${i}`,
      text: paragraphs.join('\n\n'),
      origin: 'user',
      addedAt: Date.UTC(2024, 11, 1) + i,
    });
  }
  return reports;
}

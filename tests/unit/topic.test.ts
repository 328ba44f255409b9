import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseHtml } from '../../cli/dom';
import { extractArticle, extractPageText, isProbablyArticle } from '../../lib/article';
import { parseReportText } from '../../lib/report-text';
import {
  MIN_TOPIC_SCORE,
  matchTopicGroups,
  quickTopicCheck,
  scoreTopic,
  topicThreshold,
  type TopicDefinition,
  type TopicInput,
} from '../../lib/topic';
import { DEFAULT_TOPIC, TOPICS } from '../../lib/topics';
import { readRealPage, realPageNames } from '../real-pages';
import { LAYOUTS, layoutPage, newsPage, readArticleFixture } from '../e2e/news-pages';
import { describeRealPages } from './helpers/real-pages-tier';
const FIXTURES = 'tests/fixtures/topic';
const topic = DEFAULT_TOPIC;

interface Item extends TopicInput {
  name: string;
  kind: 'page' | 'seed' | 'fixture';
  expected: boolean;
}

/** What the extension scores: the Readability article when the page is one, else the page's visible text. */
function pageInput(html: string): TopicInput {
  const doc = parseHtml(html);
  const isArticle = isProbablyArticle(doc);
  const article = isArticle ? extractArticle(doc, { isArticle }) : null;
  return article ? { title: article.title, text: article.text } : { title: doc.title || null, text: extractPageText(doc) };
}

function loadPages(): Item[] {
  return realPageNames().map((name) => ({ name, kind: 'page', expected: false, ...pageInput(readRealPage(name)) }));
}

/** Our page layouts (tests/fixtures/pages): with their own stories (off the topic), and carrying an on-topic article. */
function loadLayouts(): Item[] {
  const onTopic = readArticleFixture('tests/fixtures/reading/on-topic-article.txt');
  return LAYOUTS.flatMap((layout): Item[] => [
    { name: `${layout} (own story)`, kind: 'page', expected: false, ...pageInput(layoutPage(layout)) },
    { name: `${layout} (on-topic article)`, kind: 'page', expected: true, ...pageInput(newsPage(layout, onTopic)) },
  ]);
}

function loadSeeds(): Item[] {
  return readdirSync('seeds')
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => {
      const report = parseReportText(n, readFileSync(`seeds/${n}`, 'utf8'));
      return { name: n, kind: 'seed', expected: true, title: report.title, text: report.text };
    });
}

/** Fixtures: the title on the first line, the body below; labels.json holds the expected verdict. */
function loadFixtures(): Item[] {
  const labels = JSON.parse(readFileSync(`${FIXTURES}/labels.json`, 'utf8')) as Record<string, boolean>;
  return Object.entries(labels).map(([file, expected]) => {
    const raw = readFileSync(`${FIXTURES}/${file}`, 'utf8');
    const newline = raw.indexOf('\n');
    return { name: file, kind: 'fixture', expected, title: raw.slice(0, newline).trim(), text: raw.slice(newline + 1).trim() };
  });
}

const seeds = loadSeeds();
const fixtures = loadFixtures();

describe('the topic definition', () => {
  it('fires its subject, a force and a setting in every seed', () => {
    for (const seed of seeds) {
      const fired = matchTopicGroups(topic, `${seed.title ?? ''}\n\n${seed.text}`);
      expect(Object.keys(fired), seed.name).toEqual(expect.arrayContaining(['north-korea', 'troops']));
      expect(Boolean(fired['russia'] || fired['ukraine-war']), seed.name).toBe(true);
      // Not merely present: bound together in at least two sentences of each seed.
      expect(scoreTopic(topic, seed).coreSentences, seed.name).toBeGreaterThanOrEqual(2);
    }
  });

  it('is listed, and is the default', () => {
    expect(TOPICS).toContain(DEFAULT_TOPIC);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(TOPICS.length);
  });

  it('has at least 8 near-topic and 6 on-topic fixtures of news length', () => {
    expect(fixtures.filter((f) => !f.expected).length).toBeGreaterThanOrEqual(8);
    expect(fixtures.filter((f) => f.expected).length).toBeGreaterThanOrEqual(6);
    for (const f of fixtures) {
      const words = f.text.split(/\s+/).length;
      expect(words, f.name).toBeGreaterThanOrEqual(200);
      expect(words, f.name).toBeLessThanOrEqual(500);
    }
  });
});

/** Scores every item and prints the confusion matrix; returns what the tests assert on. */
function classify(pages: Item[], others: Item[], label: string) {
  const items = [...pages, ...others];
  const m = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const errors: string[] = [];
  const rows: string[] = [];
  for (const item of items) {
    const r = scoreTopic(topic, item);
    if (r.onTopic && item.expected) m.tp++;
    else if (r.onTopic) m.fp++;
    else if (item.expected) m.fn++;
    else m.tn++;
    if (r.onTopic !== item.expected) errors.push(`${r.onTopic ? 'FP' : 'FN'} ${item.name} (${r.score})`);
    if (item.kind !== 'page' || r.score > 0) {
      rows.push(
        `  ${item.expected ? 'on ' : 'off'} ${r.score.toFixed(3)} ${item.name.padEnd(38)} core ${r.coreSentences}  ${r.evidence.slice(0, 5).join(', ')}` +
          (r.nearTopics.length ? `  | near: ${r.nearTopics.join(', ')}` : ''),
      );
    }
  }

  const onTopic = items.filter((i) => i.expected);
  const quickMisses = onTopic.filter((i) => !quickTopicCheck(topic, i).pass).map((i) => i.name);
  const offPages = pages.filter((p) => !p.expected);
  const quickRejected = offPages.filter((p) => !quickTopicCheck(topic, p).pass).length;
  const offScores = items.filter((i) => !i.expected).map((i) => scoreTopic(topic, i).score);
  const onScores = onTopic.map((i) => scoreTopic(topic, i).score);

  console.log(
    [
      `topic "${topic.id}", threshold ${MIN_TOPIC_SCORE} — ${label}`,
      '                 predicted on   predicted off',
      `  actual on      TP ${String(m.tp).padEnd(11)} FN ${m.fn}`,
      `  actual off     FP ${String(m.fp).padEnd(11)} TN ${m.tn}`,
      `  errors: ${errors.length ? errors.join('; ') : 'none'}`,
      `  lowest on-topic score ${Math.min(...onScores).toFixed(3)}, highest off-topic score ${Math.max(...offScores).toFixed(3)}`,
      `  quickTopicCheck: rejects ${quickRejected}/${offPages.length} off-topic pages cheaply; passes ${onTopic.length - quickMisses.length}/${onTopic.length} on-topic items`,
      '  scores (seeds, fixtures, and pages scoring above 0):',
      ...rows,
    ].join('\n'),
  );
  return { errors, quickMisses, quickRejected, offPages };
}

describe('topic detection: 5 seeds, own fixtures, our page layouts', () => {
  it('classifies every item correctly, and the cheap check passes over no on-topic one', () => {
    const layouts = loadLayouts();
    const { errors, quickMisses } = classify(layouts, [...seeds, ...fixtures], `${layouts.length} layout pages, ${seeds.length} seeds, ${fixtures.length} fixtures`);
    expect(layouts.filter((l) => l.expected)).toHaveLength(LAYOUTS.length);
    expect(errors).toEqual([]);
    expect(quickMisses).toEqual([]);
  });

  it('scores the extracted article, not a related-stories teaser in the page around it', () => {
    const teaser = 'North Korean troops suffer heavy losses in Kursk as Russia throws them into assaults, Seoul says';
    const html = layoutPage('wire-story').replace(
      '</body>',
      `<aside class="related-stories"><h2>Related stories</h2><ul>
        <li><a href="/news/1">${teaser}</a></li>
        <li><a href="/news/2">Pyongyang's soldiers fight for Moscow in Ukraine war, Zelensky says</a></li>
      </ul></aside></body>`,
    );
    const doc = parseHtml(html);
    const article = extractArticle(doc);
    expect(article?.text).not.toContain(teaser);
    expect(extractPageText(doc)).toContain(teaser);
    expect(scoreTopic(topic, { title: article!.title, text: article!.text }).onTopic).toBe(false);
  });
});

describeRealPages('topic detection: 130 real pages, 5 seeds, own fixtures', () => {
  it('classifies every item correctly, and the cheap check rejects most pages without passing over any on-topic one', () => {
    const pages = loadPages();
    const { errors, quickMisses, quickRejected } = classify(pages, [...seeds, ...fixtures], `${pages.length} pages, ${seeds.length} seeds, ${fixtures.length} fixtures`);
    expect(pages).toHaveLength(130);
    expect(errors).toEqual([]);
    expect(quickMisses).toEqual([]);
    expect(quickRejected / pages.length).toBeGreaterThanOrEqual(0.9);
  });

  it('finds the topic in real page markup once the article is about it', () => {
    // A real page's layout with an on-topic report as its article body.
    const report = fixtures.find((f) => f.name === 'on-kursk-first-clashes.txt')!;
    const doc = parseHtml(readRealPage('seattletimes-1'));
    const firstParagraph = extractArticle(doc)!.text.split('\n\n')[0]!;
    // Replace the article's container (the element holding its first paragraph) with the report's paragraphs.
    const first = [...doc.querySelectorAll('p')].find((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim() === firstParagraph)!;
    const container = first.parentElement!;
    container.replaceChildren(
      ...report.text.split(/\n\s*\n/).map((text) => {
        const p = doc.createElement('p');
        p.textContent = text;
        return p;
      }),
    );
    const article = extractArticle(doc)!;
    expect(article.text).toContain('Ukrainian forces have exchanged fire with soldiers from North Korea');
    const result = scoreTopic(topic, { title: report.title, text: article.text });
    expect(result.onTopic).toBe(true);
    expect(result.evidence[0]).toMatch(/North Korea/);
  });
});

describe('scoreTopic', () => {
  const onTopic = fixtures.find((f) => f.name === 'on-pentagon-numbers.txt')!;

  it('gives an empty text a zero score, off-topic, with no evidence', () => {
    for (const input of [{ title: null, text: '' }, { title: '  ', text: ' \n\n ' }]) {
      const r = scoreTopic(topic, input);
      expect(r).toMatchObject({ id: topic.id, onTopic: false, score: 0, evidence: [], coreSentences: 0 });
      expect(quickTopicCheck(topic, input)).toEqual({ pass: false, score: 0 });
    }
  });

  it('decides a text that is only a headline by the headline', () => {
    const on = scoreTopic(topic, { title: 'North Korean soldiers killed in Kursk fighting, Ukraine says', text: '' });
    expect(on.onTopic).toBe(true);
    expect(on.evidence.slice(0, 3)).toEqual(['North Korean', 'soldiers', 'Kursk']);
    for (const title of [
      'North Korea fires ballistic missile as Russia ties deepen',
      'North Korean soldiers cross the border into the South, retreat after warning shots',
      'Russian troops advance near Pokrovsk',
    ]) {
      expect(scoreTopic(topic, { title, text: '' }).onTopic, title).toBe(false);
    }
  });

  it('stays in 0..1 and keeps its verdict on a huge text', () => {
    const filler = 'The council met on Tuesday to discuss the budget for the coming year and approved it. ';
    const huge = `${onTopic.text}\n\n${filler.repeat(40_000)}`; // about 3.4 MB
    const r = scoreTopic(topic, { title: onTopic.title, text: huge });
    expect(r.score).toBeGreaterThanOrEqual(0);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.onTopic).toBe(true);
    expect(quickTopicCheck(topic, { title: onTopic.title, text: huge }).pass).toBe(true);
    const noise = scoreTopic(topic, { title: 'Council budget', text: filler.repeat(40_000) });
    expect(noise).toMatchObject({ onTopic: false, score: 0 });
  });

  it('requires the troops to be North Korea’s, not anyone else’s, near the war', () => {
    const score = (text: string) => scoreTopic(topic, { title: null, text }).coreSentences;
    expect(score('North Korean troops are fighting in Russia’s Kursk region.')).toBe(1);
    expect(score('Troops from North Korea have arrived in Russia.')).toBe(1);
    expect(score('North Korean and Russian troops attacked Ukrainian positions.')).toBe(1);
    expect(score('Pyongyang has stayed silent. Its soldiers are now in Kursk, Kyiv says.')).toBe(1);
    expect(score('Kim Jong Un vowed to back Russia until victory as his troops fought in Kursk.')).toBe(1);
    // Someone else's troops, or no troops at all.
    expect(score('The US, a bulwark against North Korea, China and Russia, keeps 28,500 American troops in the South.')).toBe(0);
    expect(score('North Korea has supplied Russian troops with millions of shells for the war in Ukraine.')).toBe(0);
    expect(score('North Korea shipped shells to Russia. Ukrainian soldiers say many are duds.')).toBe(0);
    expect(score('Kim Jong Un inspected the nuclear forces and praised ties with Russia.')).toBe(0);
    // Troops bound to North Korea, but far from any war: a border incident.
    expect(score('North Korean soldiers crossed the demarcation line.\n\nRussia said nothing.')).toBe(0);
    // People, not troops: workers sent to Russia are not a deployment, the killed in Kursk are.
    expect(score('Thousands of North Koreans have been sent to Russia to work on construction sites.')).toBe(0);
    expect(score('Dozens of North Koreans were killed in Kursk this week.')).toBe(1);
  });

  it('reads a passage of one-sentence paragraphs, as news sets it, as one passage, but not a short line beside it', () => {
    const score = (text: string) => scoreTopic(topic, { title: null, text }).coreSentences;
    const losses = 'Western officials said the troops have suffered heavy losses in the fighting in Russia’s Kursk region over the past three months.';
    const sent = 'The officials said that of the estimated 11,000 troops sent from North Korea, about 4,000 have been killed or wounded so far.';
    // The second paragraph binds North Korea to its troops; the war is named in the paragraph before.
    expect(score(`${losses}\n\n${sent}`)).toBe(1);
    expect(score(`${sent}\n\n${losses}`)).toBe(1);
    // A short line (a caption, a teaser, a menu item) lends its setting to no one.
    expect(score(`Fighting in Russia’s Kursk region.\n\n${sent}`)).toBe(0);
  });

  it('finds the lede below a dateline, a widget and an advertisement label, which are not prose', () => {
    const lede = 'North Korea has sent about 10,000 soldiers to Russia for its war in Ukraine, Seoul’s spy agency said on Wednesday.';
    const rest = 'The ministry’s spokesperson said Moscow would respond to any steps Seoul took. Officials in Seoul met on Tuesday to discuss the measures. They did not say when they would decide.';
    const junk = '72.4 F Los Angeles Thursday, October 24, 2024\n\nRussia warns Seoul over its response\n\n- Advertisement -';
    const signals = (text: string) => scoreTopic(topic, { title: 'Russia warns Seoul over its response', text }).signals;
    expect(signals(`${lede}\n\n${rest}`).lede).toBe(1);
    expect(signals(`${junk}\n\n${lede}\n\n${rest}`).lede).toBe(1);
    // A lede that states no bond is no lede, however little stands above it.
    expect(signals(`${junk}\n\n${rest}\n\n${lede}`).lede).toBe(0);
    // A body of lines with no full stop anywhere keeps its first lines as its lede.
    expect(signals(`North Korean troops fight in Russia’s Kursk region\n\nSeoul says thousands more may follow`).lede).toBe(1);
  });

  it('puts the subject first in the evidence and names neighbouring stories', () => {
    const r = scoreTopic(topic, onTopic);
    expect(r.onTopic).toBe(true);
    expect(['North Korean', 'North Korea', 'Pyongyang']).toContain(r.evidence[0]);
    expect(r.evidence).toEqual(expect.arrayContaining(['troops', 'Russia']));
    expect(r.evidence.length).toBeLessThanOrEqual(10);
    const icbm = scoreTopic(topic, fixtures.find((f) => f.name === 'off-icbm-launch.txt')!);
    expect(icbm.nearTopics[0]).toBe('missile tests');
  });

  it('moves the threshold, not the score, with sensitivity', () => {
    expect(topicThreshold(0.5)).toBeCloseTo(MIN_TOPIC_SCORE);
    expect(topicThreshold(1)).toBeLessThan(topicThreshold(0.5));
    expect(topicThreshold(0)).toBeGreaterThan(topicThreshold(0.5));
    expect(topicThreshold(7)).toBe(topicThreshold(1));
    expect(topicThreshold(Number.NaN)).toBe(topicThreshold(0.5));
    const item = seeds[0]!;
    const results = [0, 0.25, 0.5, 0.75, 1].map((sensitivity) => scoreTopic(topic, item, { sensitivity }));
    expect(new Set(results.map((r) => r.score)).size).toBe(1);
    // Once on-topic at some sensitivity, on-topic at every higher one.
    const verdicts = results.map((r) => r.onTopic);
    expect(verdicts).toEqual([...verdicts].sort((a, b) => Number(a) - Number(b)));
    // A page mentioning the topic in one teaser line is found only by a reader who asks for it.
    const teaser = fixtures.find((f) => f.name === 'off-exports-with-teaser.txt')!;
    expect(scoreTopic(topic, teaser, { sensitivity: 0.5 }).onTopic).toBe(false);
    expect(scoreTopic(topic, teaser, { sensitivity: 1 }).onTopic).toBe(true);
  });
});

describe('a second topic is data, not code', () => {
  // An invented definition: the scorer must work for it without any change.
  const IRAN_DRONES: TopicDefinition = {
    id: 'iran-drones-russia',
    label: 'Iranian drones in Russia’s war',
    subject: [{ id: 'iran', label: 'Iran', terms: ['Iran', 'Iranian', 'Tehran'] }],
    force: [{ id: 'drones', label: 'drones', terms: ['drones', 'drone', 'Shahed*', 'UAVs'] }],
    weakForce: [],
    setting: [{ id: 'russia', label: 'Russia', terms: ['Russia', 'Russian', 'Moscow', 'Ukraine', 'Kyiv'] }],
    action: [{ id: 'strike', label: 'strikes', terms: ['launch*', 'strike*', 'shot down'] }],
    people: [],
    peopleActions: [],
    otherOwners: ['Ukrainian', 'American'],
    nearTopic: [{ id: 'nuclear', label: 'Iran nuclear talks', terms: ['enrichment', 'nuclear deal'] }],
    quickSubject: [],
  };

  it('scores its own articles and ignores the other topic’s', () => {
    const text =
      'Russia launched dozens of Iranian-designed Shahed drones at Kyiv overnight, Ukraine’s air force said.\n\n' +
      'Tehran denies supplying drones to Moscow, but debris shows Iranian parts.';
    const r = scoreTopic(IRAN_DRONES, { title: 'Iranian drones hit Kyiv', text });
    expect(r).toMatchObject({ id: 'iran-drones-russia', onTopic: true });
    expect(r.evidence[0]).toBe('Iranian');
    expect(scoreTopic(IRAN_DRONES, fixtures.find((f) => f.name === 'on-pentagon-numbers.txt')!).onTopic).toBe(false);
    expect(scoreTopic(topic, { title: 'Iranian drones hit Kyiv', text }).onTopic).toBe(false);
  });
});

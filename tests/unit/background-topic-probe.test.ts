// Before a page's article is extracted, the page asks 'page/topic' with its title and prose:
// a story that names North Korea and Russia only in passing is let go there, before
// Readability runs in the page; an article on the topic is read on. The background bounds
// the prose it scores whatever the page sends, and answers only a content script.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { askBackground } from '../../adapters/messaging';
import type { Result } from '../../lib/protocol';
import { PROSE_PROBE_CHARS, type ProseProbe } from '../../lib/topic';
import { startBackground } from './helpers/background';
import type { ChromeMessaging } from './helpers/chrome-messaging';
import { value } from './helpers/result';

const PAGE_URL = 'https://news.example.org/world/story';
const TAB = 9;

let messaging: ChromeMessaging;

beforeEach(async () => {
  ({ messaging } = await startBackground('topic-probe'));
});

function prose(file: string): { title: string; text: string } {
  const [title = '', ...paragraphs] = readFileSync(file, 'utf8').trim().split(/\n\s*\n/);
  return { title, text: paragraphs.join(' ') };
}

const probe = async (payload: { title: string | null; text: string }) =>
  value((await messaging.sendFromTab(TAB, PAGE_URL, { crosscheck: 1, type: 'page/topic', payload })) as Result<ProseProbe>);

describe("'page/topic': is the page's prose worth extracting its article?", () => {
  it('reads on for an article on the topic, with the verdict the popup shows', async () => {
    const answer = await probe(prose('tests/fixtures/reading/on-topic-article.txt'));
    expect(answer.worthReading).toBe(true);
    expect(answer.topic.onTopic).toBe(true);
    expect(answer.topic.evidence.length).toBeGreaterThan(0);
  });

  it('lets go a story that names North Korea and Russia in passing (a treaty signing, workers sent to Russia)', async () => {
    for (const file of ['tests/fixtures/topic/off-pact-signing.txt', 'tests/fixtures/topic/off-workers-in-russia.txt']) {
      const answer = await probe(prose(file));
      expect(answer.worthReading, file).toBe(false);
      expect(answer.topic.onTopic, file).toBe(false);
    }
  });

  it('scores no more than the first PROSE_PROBE_CHARS characters, whatever the page sends', async () => {
    const article = prose('tests/fixtures/reading/on-topic-article.txt');
    const filler = 'The weather stayed mild over the weekend. '.repeat(Math.ceil(PROSE_PROBE_CHARS / 40));
    const answer = await probe({ title: null, text: `${filler}${article.text}` });
    expect(answer.worthReading).toBe(false);
  });

  it('answers only the content script of a tab', async () => {
    // An extension page (the popup, the options page) is not a page's content script.
    const reply = await askBackground('page/topic', prose('tests/fixtures/reading/on-topic-article.txt'));
    expect(reply.ok).toBe(false);
  });
});

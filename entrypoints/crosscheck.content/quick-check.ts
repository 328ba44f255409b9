// The question the content script asks of every page, cheapest first: can this page be about
// the tracked topic at all? Title, description and a few thousand characters of prose against
// the topic's two quick clauses. Part of the first stage: it must not pull in Readability.

import { PROSE_PROBE_CHARS, QUICK_TEXT_CHARS, quickTopicCheck, type QuickCheck } from '../../lib/topic';
import { DEFAULT_TOPIC } from '../../lib/topics';
import { cheapPageText, type CheapText } from './page-text';

export function cheapTopicCheck(doc: Document): QuickCheck {
  return quickTopicCheck(DEFAULT_TOPIC, cheapPageText(doc, QUICK_TEXT_CHARS));
}

/** What the background's topic probe scores ('page/topic'), asked once the quick check passed: the title and the opening prose. */
export function probeText(doc: Document): CheapText {
  return cheapPageText(doc, PROSE_PROBE_CHARS);
}

// Paragraphs and sentences as offsets only, for code that places regex matches over the
// whole text in their sentence (lib/topic.ts, the benchmarks) without copying the text
// sentence by sentence. A view over lib/sentences.ts, the one sentence splitter, so the
// topic scorer and the claim extractor never disagree on where a sentence ends.

import { splitSentences as splitSentenceSpans } from './sentences';

export interface Sentence {
  /** Offset of the sentence's first character in the text. */
  start: number;
  /** Offset just past its last character. */
  end: number;
  /** Index of its paragraph (see `SentenceSpan.paragraph` in lib/sentences.ts). */
  paragraph: number;
}

/** Sentences of the text in order; a paragraph break always ends a sentence. */
export function splitSentences(text: string): Sentence[] {
  return splitSentenceSpans(text).map(({ start, end, paragraph }) => ({ start, end, paragraph }));
}

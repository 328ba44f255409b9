// What a reader needs from a reason ("why") shown beside a conflicting report, checked the
// same way wherever a test meets one. The rules name facts the two sentences fix, not the
// engine's wording, so they survive a rework of lib/stance.ts:
// - when both sentences give figures, the reason names a figure of each, and they differ
//   ("about 3,000 vs about 1,500 soldiers");
// - otherwise the reason quotes the words that clash, taken from one of the two sentences
//   ("'has not responded' vs 'dismissed as a “groundless rumor”'").
// The labelled pairs themselves are data: tests/fixtures/stance-pairs.json (seed against
// seed) and tests/fixtures/articles/labels.json (our own articles against the seeds).
import { readFileSync } from 'node:fs';

export type Label = 'corroborates' | 'conflicts' | 'related' | 'unrelated';

export interface LabelledPair {
  a: { seed: string; text: string };
  b: { seed: string; text: string };
  label: Label;
  note: string;
}

export const STANCE_PAIRS: LabelledPair[] = (JSON.parse(readFileSync('tests/fixtures/stance-pairs.json', 'utf8')) as { pairs: LabelledPair[] }).pairs;

export const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One sentence inside the other, after whitespace is folded: the same passage. */
export const samePassage = (x: string, y: string) => {
  const [a, b] = [oneLine(x), oneLine(y)];
  return a.includes(b) || b.includes(a);
};

/** The figures written in a text, as written ("1,500", "12,000"). */
export function figuresIn(text: string): string[] {
  return [...text.matchAll(/\d{1,3}(?:,\d{3})+|\d+/g)].map((m) => m[0]);
}

const words = (text: string) => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);

/** Why a reason fails the rules above for this pair of sentences, or null when it passes. */
export function reasonProblem(why: string, claimText: string, reportText: string): string | null {
  const ours = figuresIn(claimText);
  const theirs = figuresIn(reportText);
  if (ours.length > 0 && theirs.length > 0) {
    const named = figuresIn(why);
    const clash = named.some((f) => ours.includes(f) && named.some((g) => g !== f && theirs.includes(g)));
    if (!clash) return `"${why}" does not name a figure of each sentence (${ours.join(', ')} vs ${theirs.join(', ')})`;
    return null;
  }
  const quoted = [...why.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
  const sentenceWords = new Set([...words(claimText), ...words(reportText)]);
  const quotesASentence = quoted.some((q) => words(q).length > 0 && words(q).every((w) => sentenceWords.has(w)));
  return quotesASentence ? null : `"${why}" quotes no words of either sentence`;
}

// What a reader needs from a reason ("why") shown beside a report, checked the same way
// wherever a test meets one. The rules name facts the two sentences fix, not the engine's
// wording, so they survive a rework of lib/stance.ts:
// - a clash of numbers names a figure of each sentence, and they differ ("about 3,000 vs
//   about 1,500 soldiers"); an agreement on numbers names the figure both give;
// - any other reason uses words of the two sentences ("'has not responded' vs 'dismissed as
//   a “groundless rumor”'"), not a stock phrase.
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

/** A claim of one of our own articles, labelled against the seeds (tests/fixtures/own-article-labels.json). */
export interface ArticleLabel {
  /** Path under tests/fixtures. */
  article: string;
  /** A fragment of the claim's sentence. */
  claim: string;
  stance: 'corroborates' | 'conflicts';
  /** Seed id prefixes that say what the claim is weighed against: at least one must be shown with this stance. */
  reports: string[];
  reason: ReasonKind;
  note: string;
}

export const ARTICLE_LABELS: ArticleLabel[] = (JSON.parse(readFileSync('tests/fixtures/own-article-labels.json', 'utf8')) as { labels: ArticleLabel[] }).labels;

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

/** Words of four letters or more, cut to five so that a reason's "defence" meets a sentence's "defended". */
const words = (text: string) => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5));

/**
 * What a reason must name: 'figures' (a figure of each sentence: for a conflict two different
 * ones, for a corroboration one they share) or 'words' (words of either sentence).
 */
export type ReasonKind = 'figures' | 'words';

/** A labelled pair's reason kind: figures when its note names figures ("about 3,000 vs about 1,500"). */
export const reasonKindOf = (pair: LabelledPair): ReasonKind => (figuresIn(pair.note).length > 0 ? 'figures' : 'words');

/** Why a reason fails its rule for this pair of sentences, or null when it passes. */
export function reasonProblem(why: string, claimText: string, reportText: string, kind: ReasonKind, stance: 'conflicts' | 'corroborates' = 'conflicts'): string | null {
  if (kind === 'figures') {
    const ours = figuresIn(claimText);
    const theirs = figuresIn(reportText);
    const named = figuresIn(why);
    const ok =
      stance === 'conflicts'
        ? named.some((f) => ours.includes(f) && named.some((g) => g !== f && theirs.includes(g)))
        : named.some((f) => ours.includes(f) && theirs.includes(f));
    return ok ? null : `"${why}" does not name ${stance === 'conflicts' ? 'a different figure of each sentence' : 'a figure both sentences give'} (${ours.join(', ')} vs ${theirs.join(', ')})`;
  }
  const sentenceWords = new Set([...words(claimText), ...words(reportText)]);
  return words(why).some((w) => sentenceWords.has(w)) ? null : `"${why}" names no words of either sentence`;
}

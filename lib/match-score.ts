// How relevant one claim is to another, 0..1: the same event, the same kind of count,
// the same forces, the same actors, the same position taken, plus how much of their
// wording they share (measured with fuse.js in lib/match.ts). Features that neither claim
// has (no counts on either side, say) drop out and the rest are renormalised, so a
// denial is scored against denials on the same footing as a count against counts.

import type { ExtractedClaim } from './claims';
import { PREDICATE_AFFINITY } from './lexicon';

/** Weights of the relevance features; they sum to 1. */
export const SCORE_WEIGHTS = {
  /** Shared wording (fuzzy, IDF-weighted). */
  text: 0.3,
  /** Same event family (deployment, casualties, withdrawal…). */
  events: 0.25,
  /** Counts of the same thing. */
  counts: 0.15,
  /** The same side's forces. */
  force: 0.08,
  /** Both deny or stay silent on the same event, or one asserts what the other denies. */
  position: 0.1,
  /** The same original source. */
  source: 0.04,
  /** The same role (intelligence personnel, combat troops). */
  role: 0.03,
  /** The same place. */
  place: 0.03,
  /**
   * The same actors named. Nearly every sentence of the story names North Korea and Russia,
   * so this says little; events and forces carry who did what.
   */
  actors: 0.02,
} as const;

/** Counted families close enough to be compared as "related" counts. */
const RELATED_COUNT_FAMILIES: string[][] = [
  ['troops', 'brigades', 'battalions', 'regiments', 'divisions', 'generals'],
  ['killed', 'wounded', 'captured', 'casualties'],
];

/**
 * How much sharing a family says. War reporting mentions combat, ties and condemnation in
 * nearly every sentence; sharing a deployment, casualties or a pact says more.
 */
export const FAMILY_SPECIFICITY: Record<string, number> = { fight: 0.6, cooperate: 0.85, condemn: 0.85 };

/** 0..1 affinity of two event families (1 for the same specific family). */
export function familyAffinity(a: string, b: string): number {
  const specificity = Math.min(FAMILY_SPECIFICITY[a] ?? 1, FAMILY_SPECIFICITY[b] ?? 1);
  if (a === b) return specificity;
  return specificity * (PREDICATE_AFFINITY[a]?.[b] ?? PREDICATE_AFFINITY[b]?.[a] ?? 0);
}

/** The structural features of a pair, each 0..1, or null when neither claim has the feature. */
export function structuralFeatures(a: ExtractedClaim, b: ExtractedClaim): Record<keyof typeof SCORE_WEIGHTS, number | null> {
  return {
    text: null,
    events: eventsScore(a, b),
    counts: countsScore(a, b),
    force: forceScore(a, b),
    actors: jaccard(a.actors, b.actors),
    position: positionScore(a, b),
    source: a.attribution && b.attribution ? (a.attribution === b.attribution ? 1 : 0) : null,
    role: a.role && b.role ? (a.role === b.role ? 1 : 0) : null,
    place: a.places.length && b.places.length ? (a.places.some((p) => b.places.includes(p)) ? 1 : 0) : null,
  };
}

/** The weighted relevance of a pair given its text similarity, 0..1. */
export function relevance(a: ExtractedClaim, b: ExtractedClaim, textSimilarity: number): number {
  const f = structuralFeatures(a, b);
  f.text = textSimilarity;
  let sum = 0;
  let weight = 0;
  for (const key of Object.keys(SCORE_WEIGHTS) as (keyof typeof SCORE_WEIGHTS)[]) {
    const v = f[key];
    if (v === null) continue;
    sum += SCORE_WEIGHTS[key] * v;
    weight += SCORE_WEIGHTS[key];
  }
  return weight > 0 ? sum / weight : 0;
}

/**
 * The highest relevance a pair can reach whatever its text similarity: lets the matcher
 * skip the fuzzy text measure for candidates that cannot make the cut.
 */
export function relevanceUpperBound(a: ExtractedClaim, b: ExtractedClaim): number {
  return relevance(a, b, 1);
}

function eventsScore(a: ExtractedClaim, b: ExtractedClaim): number {
  let best = 0;
  for (const ea of a.events) for (const eb of b.events) best = Math.max(best, familyAffinity(ea.family, eb.family));
  return best;
}

function countsScore(a: ExtractedClaim, b: ExtractedClaim): number | null {
  // Only a count against a count says anything; a count against a statement without one is neither.
  if (!a.quantities.length || !b.quantities.length) return null;
  let best = 0.2;
  for (const qa of a.quantities) {
    for (const qb of b.quantities) {
      if (qa.family === qb.family) return 1;
      if (RELATED_COUNT_FAMILIES.some((g) => g.includes(qa.family) && g.includes(qb.family))) best = 0.5;
    }
  }
  return best;
}

function forceScore(a: ExtractedClaim, b: ExtractedClaim): number | null {
  if (!a.force && !b.force) return null;
  if (!a.force || !b.force) return 0.5;
  if (a.force !== b.force) return a.forceEvidence === 'weak' || b.forceEvidence === 'weak' ? 0.3 : 0;
  return a.forceEvidence === 'strong' && b.forceEvidence === 'strong' ? 1 : 0.8;
}

function positionScore(a: ExtractedClaim, b: ExtractedClaim): number | null {
  const negA = a.events.filter((e) => e.polarity !== 'asserts');
  const negB = b.events.filter((e) => e.polarity !== 'asserts');
  if (!negA.length && !negB.length) return null;
  if (negA.length && negB.length) {
    const sameEvent = negA.filter((x) => negB.some((y) => x.family === y.family));
    if (!sameEvent.length) return 0.4;
    // The same side's silence or denial in both, or two sides' positions on one event.
    return sameEvent.some((x) => negB.some((y) => y.family === x.family && x.actors.some((a) => y.actors.includes(a)))) ? 1 : 0.7;
  }
  // One side asserts what the other denies or will not confirm: exactly what a reader checks.
  const [neg, other] = negA.length ? [negA, b] : [negB, a];
  return neg.some((x) => other.events.some((y) => y.family === x.family)) ? 1 : 0;
}

function jaccard(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 0;
  let shared = 0;
  for (const x of a) if (b.includes(x)) shared++;
  return shared / (a.length + b.length - shared);
}

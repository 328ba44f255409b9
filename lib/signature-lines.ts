// The preview lines of all of an index's signatures for one page claim (lib/admission.ts):
// for each corpus signature s, preview = a + b · text similarity, with a and b what
// signatureRelevance(page, s, 0) and its slope give (lib/match-score.ts).
//
// Why not call signatureRelevance for each signature: that was two calls per signature per
// page claim, a fifth of the whole matcher at 100,000 claims (2,139 signatures, 39 page
// claims). Each structural feature reads only a few fields of a signature, and those take few
// values across a corpus (the bench's 2,139 signatures have 94 event-and-force patterns, 82
// sets of actors, 35 sources, 14 sets of places, ...). So each feature is judged once per
// distinct value of the fields it reads (about 240 calls of signatureFeatures per page claim),
// and a signature's line is summed from those, in signatureRelevance's own order of terms:
// the lines are bit for bit the same (tests/unit/signature-lines.test.ts checks it over the
// bench's corpus), and so are the previews admission ranks by.

import { SCORE_WEIGHTS, signatureFeatures, signatureRelevance, type ClaimSignature, type FeatureName } from './match-score';

type StructuralFeature = Exclude<FeatureName, 'text'>;

/**
 * Which fields of a signature each structural feature reads, grouped so that features
 * reading the same fields are judged together. When a feature comes to read another field,
 * it must be added here (the equality test fails until it is); a feature not listed makes
 * the lines fall back to signatureRelevance for every signature.
 */
const FACTORS: readonly { fields: readonly (keyof ClaimSignature)[]; features: readonly StructuralFeature[] }[] = [
  { fields: ['events', 'negatives', 'force', 'forceStrong', 'speakerActors'], features: ['events', 'force', 'position'] },
  { fields: ['counts'], features: ['counts'] },
  { fields: ['source', 'sourceSides'], features: ['source'] },
  { fields: ['role'], features: ['role'] },
  { fields: ['places'], features: ['place'] },
  { fields: ['historical'], features: ['time'] },
  { fields: ['actors'], features: ['actors'] },
];

/** The structural features in the order signatureRelevance (and combine) adds them. */
const FEATURE_ORDER = (Object.keys(SCORE_WEIGHTS) as FeatureName[]).filter((k): k is StructuralFeature => k !== 'text');
/** For each feature in that order, the factor that judges it (-1: none does). */
const FACTOR_OF = FEATURE_ORDER.map((k) => FACTORS.findIndex((f) => f.features.includes(k)));
const FACTORED = FACTOR_OF.every((f) => f >= 0);

/** An index's signatures, each described by which value of each factor it has. */
export interface SignatureFactors {
  signatures: readonly ClaimSignature[];
  /** Per factor, per signature: the id of its value of the factor's fields. */
  valueOf: Int32Array[];
  /** Per factor, one signature holding each value (by value id). */
  representatives: ClaimSignature[][];
}

/** The factor values of each signature (once per index). */
export function signatureFactors(signatures: readonly ClaimSignature[]): SignatureFactors {
  const valueOf = FACTORS.map(() => new Int32Array(signatures.length));
  const representatives = FACTORS.map((): ClaimSignature[] => []);
  FACTORS.forEach(({ fields }, f) => {
    const ids = new Map<string, number>();
    signatures.forEach((s, g) => {
      const key = JSON.stringify(fields.map((field) => s[field]));
      let id = ids.get(key);
      if (id === undefined) {
        ids.set(key, (id = representatives[f]!.length));
        representatives[f]!.push(s);
      }
      valueOf[f]![g] = id;
    });
  });
  return { signatures, valueOf, representatives };
}

/** Fills lineA and lineB (one slot per signature) with each signature's line for the page claim `own`. */
export function signatureLines(own: ClaimSignature, factors: SignatureFactors, lineA: Float64Array, lineB: Float64Array): void {
  const { signatures, valueOf, representatives } = factors;
  if (!FACTORED) {
    signatures.forEach((s, g) => {
      const a = signatureRelevance(own, s, 0);
      lineA[g] = a;
      lineB[g] = signatureRelevance(own, s, 1) - a;
    });
    return;
  }
  // Per feature (in FEATURE_ORDER), per value of its factor: its weighted term and its weight, 0 when it does not apply.
  const terms = FEATURE_ORDER.map((_, k) => new Float64Array(representatives[FACTOR_OF[k]!]!.length));
  const weights = FEATURE_ORDER.map((_, k) => new Float64Array(representatives[FACTOR_OF[k]!]!.length));
  FACTORS.forEach((_, f) => {
    const judged = FEATURE_ORDER.flatMap((feature, k) => (FACTOR_OF[k] === f ? [{ feature, k }] : []));
    representatives[f]!.forEach((rep, v) => {
      const features = signatureFeatures(own, rep);
      for (const { feature, k } of judged) {
        const value = features[feature];
        if (value === null) continue;
        terms[k]![v] = SCORE_WEIGHTS[feature] * value;
        weights[k]![v] = SCORE_WEIGHTS[feature];
      }
    });
  });
  const factorOf = FACTOR_OF.map((f) => valueOf[f]!);
  for (let g = 0; g < signatures.length; g++) {
    // As signatureRelevance sums them: the text term first (at similarity 0 and at 1), then each feature in order.
    let at0 = SCORE_WEIGHTS.text * 0;
    let at1 = SCORE_WEIGHTS.text * 1;
    let weight: number = SCORE_WEIGHTS.text;
    for (let k = 0; k < terms.length; k++) {
      const v = factorOf[k]![g]!;
      const term = terms[k]![v]!;
      at0 += term;
      at1 += term;
      weight += weights[k]![v]!;
    }
    const a = at0 / weight;
    lineA[g] = a;
    lineB[g] = at1 / weight - a;
  }
}

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

import { FEATURE_SCORES, SCORE_WEIGHTS, signatureRelevance, type ClaimSignature, type FeatureName, type StructuralFeature } from './match-score';

/**
 * Which fields of a signature each structural feature reads, grouped so that features
 * reading the same fields are judged together. When a feature comes to read another field,
 * it must be added here (the equality test fails until it is); a feature not listed makes
 * the lines fall back to signatureRelevance for every signature.
 */
const FACTORS: readonly { fields: readonly (keyof ClaimSignature)[]; features: readonly StructuralFeature[] }[] = [
  { fields: ['events', 'negatives', 'recipients', 'force', 'forceStrong', 'speakerActors'], features: ['events', 'force', 'position'] },
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
/** Per factor, the features it judges, each with its position in FEATURE_ORDER. */
const JUDGED = FACTORS.map((_, f) => FEATURE_ORDER.flatMap((feature, k) => (FACTOR_OF[k] === f ? [{ feature, k }] : [])));

/** An index's signatures, each described by which value of each factor it has. */
export interface SignatureFactors {
  signatures: readonly ClaimSignature[];
  /** Per factor, one signature holding each value (by value id). */
  representatives: ClaimSignature[][];
  /** Where each feature's terms start in one flat array of all features' values (FEATURE_ORDER); the last entry is the array's length. */
  termStart: Int32Array;
  /**
   * Per signature, per feature in FEATURE_ORDER, the slot of its factor's value in that flat
   * array: signatureLines reads one typed array per term, not an array of arrays.
   */
  slots: Int32Array;
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
  const termStart = new Int32Array(FEATURE_ORDER.length + 1);
  FACTOR_OF.forEach((f, k) => (termStart[k + 1] = termStart[k]! + (f >= 0 ? representatives[f]!.length : 0)));
  const slots = new Int32Array(signatures.length * FEATURE_ORDER.length);
  if (FACTORED) {
    for (let g = 0, at = 0; g < signatures.length; g++) {
      for (let k = 0; k < FEATURE_ORDER.length; k++) slots[at++] = termStart[k]! + valueOf[FACTOR_OF[k]!]![g]!;
    }
  }
  return { signatures, representatives, termStart, slots };
}

/** Fills lineA and lineB (one slot per signature) with each signature's line for the page claim `own`. */
export function signatureLines(own: ClaimSignature, factors: SignatureFactors, lineA: Float64Array, lineB: Float64Array): void {
  const { signatures, representatives, termStart, slots } = factors;
  if (!FACTORED) {
    signatures.forEach((s, g) => {
      const a = signatureRelevance(own, s, 0);
      lineA[g] = a;
      lineB[g] = signatureRelevance(own, s, 1) - a;
    });
    return;
  }
  // Per feature, per value of its factor: its weighted term and its weight, 0 when it does not
  // apply. Only the factor's own features are judged against its values.
  const terms = new Float64Array(termStart[FEATURE_ORDER.length]!);
  const weights = new Float64Array(terms.length);
  JUDGED.forEach((judged, f) => {
    representatives[f]!.forEach((rep, v) => {
      for (const { feature, k } of judged) {
        const value = FEATURE_SCORES[feature](own, rep);
        if (value === null) continue;
        terms[termStart[k]! + v] = SCORE_WEIGHTS[feature] * value;
        weights[termStart[k]! + v] = SCORE_WEIGHTS[feature];
      }
    });
  });
  // A feature that applies to no signature (the page claim has no source, no count, no
  // place: it is null whatever the other side) adds exactly 0 to every sum: it is skipped.
  const features = FEATURE_ORDER.length;
  const applying = Int32Array.from(FEATURE_ORDER.keys()).filter((k) => weights.subarray(termStart[k]!, termStart[k + 1]!).some((w) => w !== 0));
  for (let g = 0; g < signatures.length; g++) {
    // As signatureRelevance sums them: the text term first (at similarity 0 and at 1), then each feature in order.
    let at0 = SCORE_WEIGHTS.text * 0;
    let at1 = SCORE_WEIGHTS.text * 1;
    let weight: number = SCORE_WEIGHTS.text;
    const row = g * features;
    for (let i = 0; i < applying.length; i++) {
      const slot = slots[row + applying[i]!]!;
      const term = terms[slot]!;
      at0 += term;
      at1 += term;
      weight += weights[slot]!;
    }
    const a = at0 / weight;
    lineA[g] = a;
    lineB[g] = at1 / weight - a;
  }
}

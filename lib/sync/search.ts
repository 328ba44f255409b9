// Finding saved claims by words: every word of the query must appear somewhere in
// the claim (text, article title, note, stance summary or link), ignoring case and
// accents, and "12000" matches "12,000".

import type { SavedClaim } from './format';

export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d)[,.\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The claims that contain every word of `query`, in the given order. An empty query returns all. */
export function searchClaims<T extends SavedClaim>(claims: readonly T[], query: string): T[] {
  const words = normaliseForSearch(query).split(' ').filter((word) => word !== '');
  if (words.length === 0) return [...claims];
  return claims.filter((claim) => {
    const haystack = normaliseForSearch([claim.text, claim.title, claim.note, claim.stance.summary, claim.url].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
}

// The index's compact copies of claims (lib/claim-interning.ts) share equal parts among
// claims: a claim must still read exactly what extraction found in its own sentence.
import { describe, expect, it } from 'vitest';
import { ClaimInterner } from '../../lib/claim-interning';
import { parseClaim } from '../../lib/claims';
import { DEFAULT_PACK } from '../../lib/topics';

const claim = parseClaim('South Korea’s spy agency said 1,500 North Korean special forces arrived in Vladivostok on Friday.', { pack: DEFAULT_PACK, documentDate: '2024-10-18' });

describe('compact claims', () => {
  it('never lets two claims share a list whose strings differ, whatever the strings hold', () => {
    const interner = new ClaimInterner();
    // Lists whose strings would read the same run together with a separator between them.
    const first = interner.claim({ ...claim, actors: ['North Korea\u0000', 'Russia'] }, 0);
    const second = interner.claim({ ...claim, actors: ['North Korea', '\u0000Russia'] }, 1);
    expect(first.actors).toEqual(['North Korea\u0000', 'Russia']);
    expect(second.actors).toEqual(['North Korea', '\u0000Russia']);
  });

  it('keeps every field and value of the claim, with its report', () => {
    const interner = new ClaimInterner();
    interner.claim(claim, 0);
    expect(interner.claim(claim, 3)).toEqual({ ...claim, report: 3 });
  });
});

// Syndicated copies found from their stored signatures: the same wire story under another
// headline, trimmed at its end, with a paragraph of the carrying site added, or all three,
// is one story; a story written separately about the same event (same figures, same places,
// same people) is not. Texts: tests/fixtures/copies/ (written for these tests).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  COPY_CONTAINMENT,
  CopyIndex,
  copyLinks,
  copySignature,
  copyWords,
  findCopyOf,
  isCopy,
  isCurrentSignature,
  resemblance,
  SHINGLE_WORDS,
  type SignedReport,
} from '../../lib/near-duplicates';
import { syntheticReports } from '../../bench/synthetic-corpus';

const fixture = (name: string) => readFileSync(`tests/fixtures/copies/${name}.txt`, 'utf8').trim();
/** The fixture's paragraphs without its headline line. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).slice(1);

const ORIGINAL = fixture('wire-original');
const ORIGINAL_BODY = paragraphs(ORIGINAL);
/** The same story carried by a regional site: its own headline, a paragraph of its own, the last three paragraphs cut. */
const REGIONAL_COPY = fixture('wire-copy-regional');
/** The same event written up separately: the same 3,000 troops, Kursk, Sudzha, rail from the Far East, interpreters. */
const OTHER_STORY = fixture('same-event-other-story');

const withHeadline = (headline: string, body: readonly string[]) => [headline, ...body].join('\n\n');

/** The exact share of the shorter text's shingles found in the longer one, for checking the estimate. */
function exactContainment(a: string, b: string): number {
  const shingles = (t: string) => {
    const w = copyWords(t);
    return new Set(w.slice(0, Math.max(1, w.length - SHINGLE_WORDS + 1)).map((_, i) => w.slice(i, i + SHINGLE_WORDS).join(' ')));
  };
  const [sa, sb] = [shingles(a), shingles(b)];
  const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
  return [...small].filter((s) => large.has(s)).length / small.size;
}

describe('near-duplicate detection', () => {
  const original = copySignature(ORIGINAL);

  it('finds the copy under another headline and dateline', () => {
    const copy = withHeadline('Pyongyang’s soldiers take up positions near Sudzha', [`KURSK (Wire) - ${ORIGINAL_BODY[0]}`, ...ORIGINAL_BODY.slice(1)]);
    expect(isCopy(original, copySignature(copy))).toBe(true);
  });

  it('finds the copy trimmed after its fifth paragraph (half of the original is gone)', () => {
    const trimmed = withHeadline('North Korean troops reach Kursk front', ORIGINAL_BODY.slice(0, 5));
    const r = resemblance(original, copySignature(trimmed));
    // A plain resemblance (Jaccard) would miss it: half of the original's shingles are not in the copy.
    expect(r.jaccard).toBeLessThan(COPY_CONTAINMENT);
    expect(r.containment).toBeGreaterThanOrEqual(COPY_CONTAINMENT);
    expect(isCopy(original, copySignature(trimmed))).toBe(true);
  });

  it('finds the copy with a paragraph of its own added in the middle', () => {
    const local = 'Readers in our city with relatives in the armed forces have asked the council to explain what the deployment means for the region.';
    const added = withHeadline(ORIGINAL.split('\n')[0]!, [...ORIGINAL_BODY.slice(0, 4), local, ...ORIGINAL_BODY.slice(4)]);
    expect(isCopy(original, copySignature(added))).toBe(true);
  });

  it('finds the regional copy that does all three (its headline, its paragraph, its ending cut)', () => {
    expect(isCopy(original, copySignature(REGIONAL_COPY))).toBe(true);
    expect(isCopy(copySignature(REGIONAL_COPY), original)).toBe(true);
  });

  it('does not take another story about the same event for a copy, however many facts they share', () => {
    const other = copySignature(OTHER_STORY);
    expect(isCopy(original, other)).toBe(false);
    expect(isCopy(copySignature(REGIONAL_COPY), other)).toBe(false);
    expect(resemblance(original, other).containment).toBeLessThan(0.2);
  });

  it('does not take a separate story that repeats the wire story’s first sentence word for word for a copy', () => {
    // Outlets quote one another: one shared sentence is shared wording, not a copied story.
    const [headline, first, ...rest] = OTHER_STORY.split(/\n\s*\n/);
    const quoting = [headline, first, `As one wire report put it: ${ORIGINAL_BODY[0]}`, ...rest].join('\n\n');
    expect(resemblance(original, copySignature(quoting)).containment).toBeGreaterThan(resemblance(original, copySignature(OTHER_STORY)).containment);
    expect(isCopy(original, copySignature(quoting))).toBe(false);
  });

  it('estimates the share of the shorter text carried by the longer close to the exact share', () => {
    for (const other of [REGIONAL_COPY, OTHER_STORY, withHeadline('x', ORIGINAL_BODY.slice(0, 5))]) {
      const estimate = resemblance(original, copySignature(other)).containment;
      expect(Math.abs(estimate - exactContainment(ORIGINAL, other))).toBeLessThan(0.12);
    }
  });

  it('reads quotes, apostrophes and digit groups the way copies vary them', () => {
    expect(copyWords('Seoul’s spy agency: 1,500 troops')).toEqual(copyWords("Seoul's spy agency - 1500 troops"));
  });

  it('gives the same signature every time, in plain numbers that survive JSON (it is stored with the report)', () => {
    const stored = JSON.parse(JSON.stringify(copySignature(ORIGINAL))) as unknown;
    expect(stored).toEqual(original);
    expect(isCurrentSignature(stored)).toBe(true);
    expect(isCurrentSignature({ ...original, version: 0 })).toBe(false);
    expect(isCurrentSignature({ ...original, minHashes: original.minHashes.slice(1) })).toBe(false);
  });
});

describe('findCopyOf: linking a new report to the copy already in the corpus', () => {
  const original = copySignature(ORIGINAL);
  const corpus = [
    { id: 'other', signature: copySignature(OTHER_STORY) },
    { id: 'wire', signature: copySignature(ORIGINAL) },
  ];

  it('names the report the new one copies, and null for a report that copies nothing', () => {
    expect(findCopyOf(copySignature(REGIONAL_COPY), corpus)).toBe('wire');
    expect(findCopyOf(copySignature(withHeadline('x', ORIGINAL_BODY.slice(0, 5))), [corpus[0]!])).toBeNull();
  });

  it('names the first report of the copy group, so a third copy joins the same story', () => {
    const withCopy = [...corpus, { id: 'regional', signature: copySignature(REGIONAL_COPY), copyOf: 'wire' }];
    // This copy is closer to the regional copy (both have the added paragraph) than to the original.
    const third = REGIONAL_COPY.replace('Thousands of North Korean soldiers arrive at Kursk front line', 'North Koreans at the front');
    expect(findCopyOf(copySignature(third), withCopy.filter((r) => r.id !== 'wire'))).toBe('wire');
  });

  it('finds the same through the packed index the background keeps, and forgets a removed report', () => {
    const index = new CopyIndex(corpus);
    const regional = copySignature(REGIONAL_COPY);
    expect(index.findCopyOf(regional)).toBe('wire');
    expect(index.findCopyOf(copySignature(OTHER_STORY))).toBe('other');
    expect(index.findCopyOf(original, 'wire')).toBeNull();
    // Removing the first report moves the last into its place: the moved one is still found.
    index.remove('other');
    expect(index.findCopyOf(regional)).toBe('wire');
    index.remove('wire');
    expect(index.findCopyOf(regional)).toBeNull();
    expect(index.size).toBe(0);
  });

  it('links every copy of a corpus to its first report (the command line, which stores nothing)', () => {
    const links = copyLinks([
      { id: 'a', signature: copySignature(ORIGINAL) },
      { id: 'b', signature: copySignature(OTHER_STORY) },
      { id: 'c', signature: copySignature(REGIONAL_COPY) },
    ]);
    expect([...links]).toEqual([['c', 'a']]);
  });
});

describe('the packed index answers as comparing with every report does', () => {
  // Stories of the benchmark's synthetic corpus (one story, many shared phrases), each with a
  // copy trimmed at its end and a copy carrying a paragraph of another story, some texts too
  // short to be anything's copy, and our wire story with its copy: more reports than the
  // index's first allocation, so it grows, and removals move reports between slots.
  const stories = syntheticReports(600, 77);
  const texts: { id: string; text: string }[] = [];
  stories.forEach((r, i) => {
    const parts = r.text.split('\n\n');
    texts.push({ id: `story-${i}`, text: r.text });
    texts.push({ id: `trimmed-${i}`, text: parts.slice(0, Math.max(1, parts.length - 1)).join('\n\n') });
    texts.push({ id: `carried-${i}`, text: [...parts, stories[(i + 7) % stories.length]!.text.split('\n\n')[0]!].join('\n\n') });
    if (i % 10 === 0) texts.push({ id: `short-${i}`, text: parts[0]!.split(' ').slice(0, 12).join(' ') });
  });
  texts.push({ id: 'wire', text: ORIGINAL }, { id: 'other', text: OTHER_STORY }, { id: 'regional', text: REGIONAL_COPY });
  const signed = texts.map((t) => ({ id: t.id, signature: copySignature(t.text) }));

  it('links each report as it comes in, then after every third is removed, exactly as findCopyOf over the reports stored', () => {
    const index = new CopyIndex();
    const stored = new Map<string, SignedReport>();
    let linked = 0;
    for (const r of signed) {
      const expected = findCopyOf(r.signature, stored.values());
      expect(index.findCopyOf(r.signature, r.id), r.id).toBe(expected);
      if (expected) linked++;
      const report = { ...r, copyOf: expected };
      index.add(report);
      stored.set(r.id, report);
    }
    // Both answers are exercised: copies found, and reports that copy nothing.
    expect(linked).toBeGreaterThan(100);
    expect(signed.length - linked).toBeGreaterThan(60);
    signed.forEach((r, i) => {
      if (i % 3 !== 0) return;
      index.remove(r.id);
      stored.delete(r.id);
    });
    expect(index.size).toBe(stored.size);
    for (const r of signed) {
      const others = [...stored.values()].filter((s) => s.id !== r.id);
      expect(index.findCopyOf(r.signature, r.id), r.id).toBe(findCopyOf(r.signature, others));
    }
  });
});

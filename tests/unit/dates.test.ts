// Claims are judged at their own dates: what a sentence says about when, read against its
// report's date, and what that does to two different counts of the same troops.
import { describe, expect, it } from 'vitest';
import { parseClaim } from '../../lib/claims';
import { datedApart, datedAtLeastAfter, daysBetween, eventDate } from '../../lib/dates';
import { judgeStance } from '../../lib/stance';
import { DEFAULT_PACK } from '../../lib/topics';

describe('eventDate', () => {
  it('reads the dates news sentences give, against the report’s date', () => {
    // 2024-10-18 was a Friday.
    expect(eventDate('The agency said on Friday that the troops had left.', '2024-10-18')).toBe('2024-10-18');
    expect(eventDate('The spy agency said Tuesday that more had arrived.', '2024-10-18')).toBe('2024-10-15');
    expect(eventDate('The first ships left on Oct. 8, officials said.', '2024-10-18')).toBe('2024-10-08');
    expect(eventDate('Fighting began on 9 January near the border.', '2025-01-12')).toBe('2025-01-09');
    expect(eventDate('Units moved in early November.', '2024-11-20')).toBe('2024-11-05');
    expect(eventDate('Troops have been there since October.', '2024-12-01')).toBe('2024-10-15');
    expect(eventDate('A report last week put the figure higher.', '2024-10-23')).toBe('2024-10-16');
    // A month still to come at the report's date belongs to the year before.
    expect(eventDate('The treaty was signed in December.', '2025-01-10')).toBe('2024-12-15');
    expect(eventDate('It was agreed in June 2024.', null)).toBe('2024-06-15');
  });

  it('dates a sentence that names no time by its report, and says nothing when neither is known', () => {
    expect(eventDate('Troops are in the region.', '2024-11-04')).toBe('2024-11-04');
    expect(eventDate('Troops are in the region.', null)).toBeNull();
    expect(eventDate('They left on Friday.', null)).toBeNull();
    expect(daysBetween('2024-10-18', '2024-10-23')).toBe(5);
  });
});

describe('counts judged at their own dates', () => {
  const early = parseClaim('About 1,500 North Korean soldiers have arrived in Russia, the spy agency said.', { pack: DEFAULT_PACK, documentDate: '2024-10-18' });
  it('reads a grown count a week later as an update, with both dates', () => {
    const later = parseClaim('About 3,000 North Korean soldiers have arrived in Russia, the spy agency said.', { pack: DEFAULT_PACK, documentDate: '2024-10-25' });
    expect(judgeStance(later, early, DEFAULT_PACK)).toEqual({ stance: 'related', why: 'update: about 1,500 (18 Oct) then about 3,000 (25 Oct) soldiers' });
  });

  it('holds two different counts of about the same day against each other', () => {
    const sameWeek = parseClaim('About 3,000 North Korean soldiers have arrived in Russia, the spy agency said.', { pack: DEFAULT_PACK, documentDate: '2024-10-19' });
    expect(judgeStance(sameWeek, early, DEFAULT_PACK).stance).toBe('conflicts');
    // Where a date is missing, two sources' counts still conflict (one source's own two
    // counts are a revision: tests/unit/stance.test.ts).
    const undated = parseClaim("About 3,000 North Korean soldiers have arrived in Russia, Ukraine's military intelligence said.", { pack: DEFAULT_PACK });
    expect(judgeStance(undated, early, DEFAULT_PACK).stance).toBe('conflicts');
    const sameSourceUndated = parseClaim('About 3,000 North Korean soldiers have arrived in Russia, the spy agency said.', { pack: DEFAULT_PACK });
    expect(judgeStance(sameSourceUndated, early, DEFAULT_PACK).stance).toBe('related');
  });

  it('dates a count by the day its sentence names, not by the report that repeats it', () => {
    const recap = parseClaim('On Oct. 18 the agency said about 3,000 North Korean soldiers had arrived in Russia.', { pack: DEFAULT_PACK, documentDate: '2024-11-20' });
    expect(judgeStance(recap, early, DEFAULT_PACK).stance).toBe('conflicts');
  });
});

describe('two dates far enough apart', () => {
  it('gives both dates only when both are known and the gap reaches the days asked', () => {
    expect(datedAtLeastAfter('2024-10-08', '2024-10-13', 5)).toEqual(['2024-10-08', '2024-10-13']);
    expect(datedAtLeastAfter('2024-10-08', '2024-10-12', 5)).toBeNull();
    // Later first: not "after".
    expect(datedAtLeastAfter('2024-10-20', '2024-10-08', 5)).toBeNull();
    expect(datedAtLeastAfter(null, '2024-10-20', 5)).toBeNull();
    // Apart either way round.
    expect(datedApart('2024-10-20', '2024-10-08', 5)).toEqual(['2024-10-20', '2024-10-08']);
    expect(datedApart('2024-10-20', null, 5)).toBeNull();
  });
});

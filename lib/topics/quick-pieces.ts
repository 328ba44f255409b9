// The cheap check's literal pieces (lib/literal-prefilter.ts) for each topic's subject clause,
// the one every page is read for, worked out ahead of time (the context clause, read only on
// the few pages that name the subject, has none: lib/topic.ts' quickClause says why): working
// them out in the page is about 1 ms of cold script on
// every page load (timed in Chromium, fresh page each time), for a result that never
// changes. Each entry holds a hash of the terms it was worked out from (termsHash): lib/topic.ts
// uses the pieces only for terms with that hash, and tests/unit/literal-prefilter.test.ts fails
// when an entry no longer matches its topic (it prints the entry to paste here).

export interface KnownPieces {
  /** termsHash of the clause's terms, as lib/topic.ts' quickClauseTerms lists them. */
  termsHash: number;
  pieces: readonly string[] | null;
}

export const QUICK_PIECES: Readonly<Record<string, { subject: KnownPieces }>> = {
  'dprk-troops-russia': {
    subject: {
      termsHash: 0xb0ace218,
      pieces: ['dprk', 'd.p.r.k.', 'pyongyang', 'kpa', 'korea', 'north', 'jong'],
    },
  },
};

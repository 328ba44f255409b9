// The index's copy of each claim, in a compact form: the same fields with the same values,
// but one shape for every claim and the parts many claims hold alike stored once.
//
// An index holds every sentence of the corpus as an ExtractedClaim (100,000 at 10,000
// reports), and the background keeps it in memory. As parsed and copied with `report`, a
// claim cost about 2.2 KB of heap (measured field by field, 10,996 claims):
// - the object itself, about 1 KB: nearly every claim had a hidden class of its own (V8's
//   %HaveSameMap differs between 2,225 of 2,267 neighbouring claims; parseClaim's literal
//   spreads another object into it, and the index copied it by spreading), so each carried
//   its own map and descriptors; one literal naming every field gives every claim one
//   shape, and the object 0.24 KB;
// - its word list, about 0.75 KB: each stemmed word a string of its own, while a corpus
//   has tens of thousands of distinct words for millions of uses;
// - its events, counts and lists of names (actors, places, reasons it is checkable), mostly
//   alike from claim to claim and most often empty.
// Equal strings, equal lists and equal event and count objects are therefore shared. Claims
// in an index are read, never changed (matching, stance and the timeline only read them),
// so sharing is invisible to them, and the JSON of a claim is what it was.

import type { ClaimEvent, ExtractedClaim } from './claims';
import type { ParsedQuantity } from './quantities';

/** A claim of the index: an ExtractedClaim and the position of its report in the index's reports. */
export interface IndexedClaim extends ExtractedClaim {
  /** Position of the claim's report in `CorpusIndex.reports`. */
  report: number;
}

/** Shares equal strings, lists and objects among the claims it compacts. Lives for one build of an index. */
export class ClaimInterner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly events = new Map<string, ClaimEvent>();
  private readonly quantities = new Map<string, ParsedQuantity>();
  private readonly eventLists = new Map<string, ClaimEvent[]>();
  private readonly quantityLists = new Map<string, ParsedQuantity[]>();

  /** `words`: strings already shared elsewhere (an index's vocabulary), used in place of equal ones. */
  constructor(words: Iterable<string> = []) {
    for (const w of words) this.strings.set(w, w);
  }

  /** The claim in its compact form: every field of ExtractedClaim, in parseClaim's order, then `report`. */
  claim(c: ExtractedClaim, report: number): IndexedClaim {
    return claimOf(c, report, this);
  }

  string(x: string): string {
    const shared = this.strings.get(x);
    if (shared !== undefined) return shared;
    this.strings.set(x, x);
    return x;
  }

  /** A list of strings, shared with every equal list (the empty one included). */
  list(xs: readonly string[]): string[] {
    // JSON tells lists apart whatever their strings hold (a separator could occur in one).
    const key = JSON.stringify(xs);
    let shared = this.lists.get(key);
    if (!shared) this.lists.set(key, (shared = xs.map((x) => this.string(x))));
    return shared;
  }

  eventList(xs: readonly ClaimEvent[]): ClaimEvent[] {
    return this.objectList(xs, this.eventLists, (e) =>
      this.shared(this.events, e, () => ({ ...e, cue: e.cue === null ? null : this.string(e.cue), actors: this.list(e.actors) })),
    );
  }

  quantityList(xs: readonly ParsedQuantity[]): ParsedQuantity[] {
    return this.objectList(xs, this.quantityLists, (q) => this.shared(this.quantities, q, () => q));
  }

  /** A list of objects, shared with every equal list (as JSON), each of its objects shared too. */
  private objectList<T extends object>(xs: readonly T[], lists: Map<string, T[]>, one: (x: T) => T): T[] {
    const key = xs.length === 0 ? '' : JSON.stringify(xs);
    let shared = lists.get(key);
    if (!shared) lists.set(key, (shared = xs.map(one)));
    return shared;
  }

  /** The shared object equal (as JSON) to `x`, made by `make` the first time. */
  private shared<T extends object>(pool: Map<string, T>, x: T, make: () => T): T {
    const key = JSON.stringify(x);
    let found = pool.get(key);
    if (!found) pool.set(key, (found = make()));
    return found;
  }
}

/** The same claim (its parts shared with it) in the compact shape, with its report moved to `report`: a deletion moves the claims after the deleted ones' reports down. */
export function movedClaim(c: IndexedClaim, report: number): IndexedClaim {
  return claimOf(c, report, { string: (x) => x, list: (xs) => xs, eventList: (xs) => xs, quantityList: (xs) => xs });
}

interface Sharing {
  string(x: string): string;
  list(xs: string[]): string[];
  eventList(xs: ClaimEvent[]): ClaimEvent[];
  quantityList(xs: ParsedQuantity[]): ParsedQuantity[];
}

/** One object literal naming every field, so that every claim of an index has one shape (and its fields are stored in the object). */
function claimOf(c: ExtractedClaim, report: number, share: Sharing): IndexedClaim {
  const s = <T extends string | null>(x: T): T => (x === null ? x : (share.string(x) as T));
  return {
    text: s(c.text),
    start: c.start,
    end: c.end,
    quantities: share.quantityList(c.quantities),
    attribution: s(c.attribution),
    via: s(c.via),
    speaker: s(c.speaker),
    jointSources: share.list(c.jointSources),
    polarity: c.polarity,
    polarityCue: s(c.polarityCue),
    polarityActors: share.list(c.polarityActors),
    hedged: c.hedged,
    hedgeCue: s(c.hedgeCue),
    actors: share.list(c.actors),
    force: s(c.force),
    forceEvidence: c.forceEvidence,
    predicates: share.list(c.predicates),
    events: share.eventList(c.events),
    role: c.role,
    places: share.list(c.places),
    when: s(c.when),
    date: s(c.date),
    historical: c.historical,
    terms: share.list(c.terms),
    checkable: share.list(c.checkable),
    report,
  };
}

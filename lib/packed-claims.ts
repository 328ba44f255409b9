// The index's claims as the background writes them to its cache: every string once, every
// list once, and each claim a row of numbers pointing into them.
//
// A stopped worker reads its index back before it can match (100,000 claims at 10,000
// reports). Written as the claims themselves, the cache row held each claim's strings again
// (the structured clone keeps a shared list shared, but writes equal strings each time):
// 90 MB at 100,000 claims, whose reading cost the clone and then a new pass of
// lib/claim-interning.ts over every claim to share their parts again (0.5 s and 1.8 s in
// Node; 2.2 to 2.7 s in the worker). Packed, the row holds the pools the index already
// shares and a typed array of rows, which the clone copies as bytes; unpacking builds each
// pool entry once and each claim from its row, already shared, so nothing is interned again.

import type { ClaimEvent, Polarity, Role } from './claims';
import type { IndexedClaim } from './claim-interning';
import type { ParsedQuantity } from './quantities';

export interface PackedClaims {
  /** Every string the claims hold (sentences, words, names, cues, dates, the values of their enumerations), once. */
  strings: string[];
  /** The claims' lists of strings, one after another: each its length, then its strings' positions in `strings`. */
  lists: Uint32Array;
  /** Every event the claims hold, once (as the index shares them). */
  events: ClaimEvent[];
  /** The lists of events, laid out as `lists` over `events`. */
  eventLists: Uint32Array;
  /** Every count the claims hold, once. */
  quantities: ParsedQuantity[];
  /** The lists of counts, laid out as `lists` over `quantities`. */
  quantityLists: Uint32Array;
  /** ROW_WIDTH numbers per claim, in the order of ROW: a position in a pool, NONE for null, or the value itself. */
  rows: Int32Array;
}

/** A null string field. */
const NONE = -1;

/** The fields of a row, in order. */
const enum Row {
  Text, Start, End, Quantities, Attribution, Via, Speaker, JointSources, Polarity, PolarityCue,
  PolarityActors, Hedged, HedgeCue, Actors, Force, ForceEvidence, Predicates, Events, Role, Places,
  When, Date, Historical, Terms, Checkable, Report,
}
/** Numbers per row: one per field, the last being the report. */
const ROW_WIDTH = Row.Report + 1;

/** The claims in their packed form. Equal strings are written once; lists and objects the claims share (lib/claim-interning.ts) are written once. */
export function packClaims(claims: readonly IndexedClaim[]): PackedClaims {
  const strings = new Pool<string>();
  const events = new Pool<ClaimEvent>();
  const quantities = new Pool<ParsedQuantity>();
  const lists = new ListPool<string>((s) => strings.of(s));
  const eventLists = new ListPool<ClaimEvent>((e) => events.of(e));
  const quantityLists = new ListPool<ParsedQuantity>((q) => quantities.of(q));
  const s = (x: string | null) => (x === null ? NONE : strings.of(x));
  const rows = new Int32Array(claims.length * ROW_WIDTH);
  for (let i = 0, r = 0; i < claims.length; i++, r += ROW_WIDTH) {
    const c = claims[i]!;
    rows[r + Row.Text] = strings.of(c.text);
    rows[r + Row.Start] = c.start;
    rows[r + Row.End] = c.end;
    rows[r + Row.Quantities] = quantityLists.of(c.quantities);
    rows[r + Row.Attribution] = s(c.attribution);
    rows[r + Row.Via] = s(c.via);
    rows[r + Row.Speaker] = s(c.speaker);
    rows[r + Row.JointSources] = lists.of(c.jointSources);
    rows[r + Row.Polarity] = strings.of(c.polarity);
    rows[r + Row.PolarityCue] = s(c.polarityCue);
    rows[r + Row.PolarityActors] = lists.of(c.polarityActors);
    rows[r + Row.Hedged] = c.hedged ? 1 : 0;
    rows[r + Row.HedgeCue] = s(c.hedgeCue);
    rows[r + Row.Actors] = lists.of(c.actors);
    rows[r + Row.Force] = s(c.force);
    rows[r + Row.ForceEvidence] = s(c.forceEvidence);
    rows[r + Row.Predicates] = lists.of(c.predicates);
    rows[r + Row.Events] = eventLists.of(c.events);
    rows[r + Row.Role] = s(c.role);
    rows[r + Row.Places] = lists.of(c.places);
    rows[r + Row.When] = s(c.when);
    rows[r + Row.Date] = s(c.date);
    rows[r + Row.Historical] = c.historical ? 1 : 0;
    rows[r + Row.Terms] = lists.of(c.terms);
    rows[r + Row.Checkable] = lists.of(c.checkable);
    rows[r + Row.Report] = c.report;
  }
  return {
    strings: strings.items,
    lists: lists.flat(),
    events: events.items,
    eventLists: eventLists.flat(),
    quantities: quantities.items,
    quantityLists: quantityLists.flat(),
    rows,
  };
}

/**
 * The claims again, their parts shared as the index shares them, or null when `data` is not
 * a packing (another format, or a row damaged on disk: a position out of its pool, a report
 * past the `reports` the index lists).
 */
export function unpackClaims(data: unknown, reports: number): IndexedClaim[] | null {
  if (!isPacked(data)) return null;
  const { strings, rows } = data;
  const lists = unflatten(data.lists, strings);
  const eventLists = unflatten(data.eventLists, data.events);
  const quantityLists = unflatten(data.quantityLists, data.quantities);
  if (!lists || !eventLists || !quantityLists || rows.length % ROW_WIDTH !== 0) return null;
  const damaged = () => {
    throw new RangeError('a packed claim points outside its pool');
  };
  const str = (i: number): string => strings[i] ?? damaged();
  const maybe = <T extends string>(i: number): T | null => (i === NONE ? null : (str(i) as T));
  const list = (i: number): string[] => lists[i] ?? damaged();
  const report = (i: number): number => (i >= 0 && i < reports ? i : damaged());
  const claims: IndexedClaim[] = new Array<IndexedClaim>(rows.length / ROW_WIDTH);
  try {
    for (let i = 0, r = 0; r < rows.length; i++, r += ROW_WIDTH) {
      // The same fields in the same order as claimOf in lib/claim-interning.ts: one shape for every claim.
      claims[i] = {
        text: str(rows[r + Row.Text]!),
        start: rows[r + Row.Start]!,
        end: rows[r + Row.End]!,
        quantities: quantityLists[rows[r + Row.Quantities]!] ?? damaged(),
        attribution: maybe(rows[r + Row.Attribution]!),
        via: maybe(rows[r + Row.Via]!),
        speaker: maybe(rows[r + Row.Speaker]!),
        jointSources: list(rows[r + Row.JointSources]!),
        polarity: str(rows[r + Row.Polarity]!) as Polarity,
        polarityCue: maybe(rows[r + Row.PolarityCue]!),
        polarityActors: list(rows[r + Row.PolarityActors]!),
        hedged: rows[r + Row.Hedged] === 1,
        hedgeCue: maybe(rows[r + Row.HedgeCue]!),
        actors: list(rows[r + Row.Actors]!),
        force: maybe(rows[r + Row.Force]!),
        forceEvidence: maybe<'strong' | 'weak'>(rows[r + Row.ForceEvidence]!),
        predicates: list(rows[r + Row.Predicates]!),
        events: eventLists[rows[r + Row.Events]!] ?? damaged(),
        role: maybe<Role>(rows[r + Row.Role]!),
        places: list(rows[r + Row.Places]!),
        when: maybe(rows[r + Row.When]!),
        date: maybe(rows[r + Row.Date]!),
        historical: rows[r + Row.Historical] === 1,
        terms: list(rows[r + Row.Terms]!),
        checkable: list(rows[r + Row.Checkable]!),
        report: report(rows[r + Row.Report]!),
      };
    }
  } catch {
    return null;
  }
  return claims;
}

function isPacked(data: unknown): data is PackedClaims {
  if (!data || typeof data !== 'object') return false;
  const d = data as Partial<PackedClaims>;
  return (
    Array.isArray(d.strings) && Array.isArray(d.events) && Array.isArray(d.quantities) &&
    d.lists instanceof Uint32Array && d.eventLists instanceof Uint32Array &&
    d.quantityLists instanceof Uint32Array && d.rows instanceof Int32Array
  );
}

/** Each distinct item once, by identity (strings by value), with its position. */
class Pool<T> {
  readonly items: T[] = [];
  private readonly positions = new Map<T, number>();

  of(x: T): number {
    let at = this.positions.get(x);
    if (at === undefined) {
      at = this.items.push(x) - 1;
      this.positions.set(x, at);
    }
    return at;
  }
}

/** Each distinct list once, by identity: the index shares equal lists, so identity finds nearly every repeat. */
class ListPool<T> {
  private readonly numbers: number[] = [];
  private readonly positions = new Map<readonly T[], number>();

  constructor(private readonly item: (x: T) => number) {}

  of(xs: readonly T[]): number {
    let at = this.positions.get(xs);
    if (at === undefined) {
      at = this.positions.size;
      this.positions.set(xs, at);
      this.numbers.push(xs.length);
      for (const x of xs) this.numbers.push(this.item(x));
    }
    return at;
  }

  flat(): Uint32Array {
    return Uint32Array.from(this.numbers);
  }
}

/** The lists a flat layout holds, in order, or null when one runs past the end or out of `items`. */
function unflatten<T>(flat: Uint32Array, items: readonly T[]): T[][] | null {
  const lists: T[][] = [];
  for (let at = 0; at < flat.length; ) {
    const length = flat[at++]!;
    if (at + length > flat.length) return null;
    const list = new Array<T>(length);
    for (let j = 0; j < length; j++) {
      const position = flat[at++]!;
      if (position >= items.length) return null;
      list[j] = items[position]!;
    }
    lists.push(list);
  }
  return lists;
}

// A TopicPack compiled once into what the engine looks things up with: name finders,
// family sets, owner patterns. Compiled lazily and cached per pack object, so callers pass
// the plain pack everywhere and pay for compiling it once.

import { compileLexicon, type MentionFinder } from '../mentions';
import type { EventFamily, SourceEntry, TopicPack } from './types';

type FamilyFlag = 'forces' | 'story' | 'anchors' | 'reaction' | 'generic' | 'firstMeansNoneBefore';

export interface CompiledPack {
  pack: TopicPack;
  actorFinder: MentionFinder;
  sourceFinder: MentionFinder;
  placeFinder: MentionFinder;
  storyActors: ReadonlySet<string>;
  /** Event families with each flag set. */
  flagged: Readonly<Record<FamilyFlag, ReadonlySet<string>>>;
  familyLabel: ReadonlyMap<string, string>;
  /** Family → its words as a one-shot test of a phrase (the pack's patterns are global: test() would move their lastIndex). */
  familyWords: ReadonlyMap<string, RegExp>;
  /** Family → how much sharing it says (0..1; unlisted families are 1). */
  familySpecificity: Readonly<Record<string, number>>;
  /** "North Korean troops", "Pyongyang's soldiers": group 1 is the owner word. */
  forceOwnerBefore: RegExp;
  /** "troops from North Korea": group 1 is the owner name. */
  forceOwnerAfter: RegExp;
  /** Any owner adjective or name, whole words (group 1). */
  ownerWord: RegExp;
  /** The same, global, to walk every owner word of a sentence (reset lastIndex before use). */
  ownerWords: RegExp;
  /** Owner word (adjective or name) → actor. */
  ownerActor: ReadonlyMap<string, string>;
  /** Owner adjectives that are demonyms ("Russian", not "Russia's" or "DPRK"): "Russian units" names no sender. */
  demonyms: ReadonlySet<string>;
  /** A name that is, or ends in, a demonym, with an optional plural ("north koreans"). */
  demonymName: RegExp;
  sourceEntry(id: string): SourceEntry | null;
}

const compiled = new WeakMap<TopicPack, CompiledPack>();

export function compilePack(pack: TopicPack): CompiledPack {
  let c = compiled.get(pack);
  if (!c) compiled.set(pack, (c = compile(pack)));
  return c;
}

function compile(pack: TopicPack): CompiledPack {
  const sourceById = new Map(pack.sources.map((s) => [s.id, s]));
  const where = (flag: FamilyFlag) => new Set(pack.events.filter((e: EventFamily) => e[flag]).map((e) => e.family));
  const ownerActor = new Map<string, string>();
  const adjectives: string[] = [];
  const names: string[] = [];
  for (const o of pack.forceOwners) {
    for (const a of o.adjectives) ownerActor.set(a, o.actor);
    for (const n of o.names) ownerActor.set(n, o.actor);
    adjectives.push(...o.adjectives);
    names.push(...o.names);
  }
  const alt = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length).map(escape).join('|') || '(?!)';
  // English demonyms end so ("korean", "chinese", "british"); possessives and acronyms do not.
  const demonyms = new Set(adjectives.filter((a) => /(?:an|ese|ish)$/.test(a)));
  const nouns = alt(pack.forceNouns.flatMap((n) => [n, plural(n)]));
  return {
    pack,
    actorFinder: compileLexicon(pack.actors),
    sourceFinder: compileLexicon(pack.sources, { ofGenitive: true }),
    placeFinder: compileLexicon(pack.places),
    storyActors: new Set(pack.storyActors),
    flagged: {
      forces: where('forces'),
      story: where('story'),
      anchors: where('anchors'),
      reaction: where('reaction'),
      generic: where('generic'),
      firstMeansNoneBefore: where('firstMeansNoneBefore'),
    },
    familyLabel: new Map(pack.events.map((e) => [e.family, e.label])),
    familyWords: new Map(pack.events.map((e) => [e.family, new RegExp(e.pattern.source, e.pattern.flags.replace('g', ''))])),
    familySpecificity: Object.fromEntries(pack.events.filter((e) => e.specificity !== undefined).map((e) => [e.family, e.specificity!])),
    forceOwnerBefore: new RegExp(String.raw`\b(${alt(adjectives)})\s+(?:[\w-]+\s+){0,2}(?:${nouns})\b`, 'g'),
    forceOwnerAfter: new RegExp(String.raw`\b(?:${nouns})\s+(?:of|from)\s+(${alt(names)})\b`, 'g'),
    ownerWord: new RegExp(String.raw`\b(${alt([...adjectives, ...names])})\b`),
    ownerActor,
    // A demonym may stand plural for the people themselves ("the arrival of the North Koreans").
    ownerWords: new RegExp(String.raw`\b(${alt([...adjectives, ...names])})s?\b`, 'g'),
    demonyms,
    demonymName: new RegExp(String.raw`(?:^|\s)(?:${alt([...demonyms])})s?$`),
    sourceEntry: (id) => sourceById.get(id) ?? null,
  };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The noun's plural as news writes it ("troops" stays, "brigade" → "brigades"). */
function plural(noun: string): string {
  return /s$/.test(noun) ? noun : `${noun}s`;
}

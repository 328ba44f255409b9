import type { FigureKind } from './figure-kind';

// The shape of a tracked story. A story is data: who (subject) sends what (force) into
// which conflict (setting), and the names, sources, places and events its news speaks
// of. The engine (lib/topic.ts, claims, match, stance) knows nothing of any one story: it
// is handed a TopicPack, so a second story is a second pack, not new code.

/**
 * Names of one thing. Each term is matched case-insensitively as whole words; a space in
 * a term also matches a hyphen or a line break ("front line" finds "front-line"), a
 * hyphen is optional ("Kim Jong-un" finds "Kim Jong Un"), a final `*` accepts any
 * word ending ("deploy*" finds "deployed", "deployment"), and a leading `=` makes the
 * term match only with its case as written ("=the North", not "the north of Ukraine").
 */
export interface TermGroup {
  /** Stable id, used by tests and by the evidence shown to the reader. */
  id: string;
  /** What a reader calls it ("North Korea"). */
  label: string;
  terms: readonly string[];
  /** Phrases in which a term does not count ("nuclear forces" is not a body of troops). */
  except?: readonly string[];
}

export interface TopicDefinition {
  id: string;
  /** Shown to the reader ("North Korean troops in Russia's war"). */
  label: string;
  /** Who the topic is about. */
  subject: readonly TermGroup[];
  /**
   * What the subject sends: nouns that count only when they stand close to a subject
   * name ("North Korean troops", "troops from Pyongyang"), not anywhere in the text.
   */
  force: readonly TermGroup[];
  /**
   * Nouns that name the subject's military without saying it went anywhere ("officers of
   * the Korean People's Army" greeting a visiting minister): they count as a force only with
   * an action word in the same sentence window.
   */
  weakForce: readonly TermGroup[];
  /** Where: one of these must stand in the same sentence window as the subject and its force. */
  setting: readonly TermGroup[];
  /**
   * Deployment and combat words. They let a plural name of the subject's people count as a
   * force ("North Koreans killed in Kursk") and they are shown as evidence.
   */
  action: readonly TermGroup[];
  /** Plural names of the subject's people ("North Koreans"): a force when a `peopleActions` word is in the sentence. */
  people: readonly string[];
  /**
   * Ids of the action groups that turn `people` into a force: "North Koreans killed in Kursk" is
   * about troops, "North Koreans sent to Russia" may be about workers.
   */
  peopleActions: readonly string[];
  /** Names that claim a force noun for someone else when they stand before it ("American troops"). */
  otherOwners: readonly string[];
  /**
   * Cues of neighbouring stories (missile tests, arms sales, the subject's politics). Where
   * they outnumber the topic's own sentences, the page is about that neighbour instead.
   */
  nearTopic: readonly TermGroup[];
  /** Looser subject names that only the cheap check accepts, so it never rejects a real article. */
  quickSubject: readonly string[];
}

/**
 * One family of events of a story (a deployment, casualties, condemnation), with what the
 * engine needs to know of it, said once: claim extraction, matching and stance all read
 * these flags instead of keeping their own lists.
 */
export interface EventFamily {
  family: string;
  /** Shown in reasons ("both: North Korea's deployment"). */
  label: string;
  /** Matched on folded text. */
  pattern: RegExp;
  /** Done by someone's forces: whose forces they are decides whether two reports agree. */
  forces?: boolean;
  /** An event of the story in itself ("North Korea may send troops"): a sentence stating it is a claim. */
  story?: boolean;
  /**
   * Ties a sentence to the story by itself ("he said the troops had been sent"). Combat is a
   * story event but no anchor: "fighting for gun control" is a figure of speech.
   */
  anchors?: boolean;
  /** A reaction or judgement rather than a fact on the ground. */
  reaction?: boolean;
  /** So common in war reporting that sharing it alone neither confirms nor contradicts. */
  generic?: boolean;
  /** How much sharing it says about two sentences, 0..1 (default 1). */
  specificity?: number;
  /**
   * Its first occurrence is news in itself ("suffered their first casualties"): a report that
   * calls it the first says none came before, so an earlier report of it is contradicted. Not
   * so for a deployment, whose "first" ("the first deployment of North Korean troops to a
   * foreign war") is the same deployment that earlier reports describe.
   */
  firstMeansNoneBefore?: boolean;
  /**
   * Given to someone (arms, aid): whom it goes to decides whether two reports tell the same
   * fact ("North Korea supplying weapons to Russia" is not "Seoul supplying weapons to Ukraine").
   */
  recipient?: boolean;
}

/** Names of one thing the story speaks of. Alias syntax as in TermGroup, on folded text. */
export interface LexiconEntry {
  /** Canonical name shown to the reader. */
  id: string;
  aliases: readonly string[];
}

export interface ActorEntry extends LexiconEntry {
  kind: 'state' | 'organisation';
}

export interface SourceEntry extends LexiconEntry {
  /** The state the source speaks for or belongs to, when it has one. */
  actor: string | null;
  /** Outlets relay what others said; an outlet is the original source only when it cites nobody. */
  kind: 'official' | 'intelligence' | 'person' | 'media' | 'outlet' | 'anonymous';
}

/** Words that say whose forces a counted or named body of troops is ("North Korean soldiers", "troops from Pyongyang"). */
export interface ForceOwner {
  /** The actor (an ActorEntry id). */
  actor: string;
  /** Lower-case words before the noun: demonyms and possessives ("north korean", "pyongyang's"). */
  adjectives: readonly string[];
  /** Lower-case names after "of" / "from" ("north korea", "the dprk"). */
  names: readonly string[];
}

export type RoleName = 'intelligence' | 'combat';

/**
 * Everything the engine knows about one story, passed explicitly to topic scoring, claim
 * extraction, matching and stance. How news is written in general (reporting verbs,
 * denials, silences, numbers, dates) is not here but in lib/news-english.ts,
 * lib/quantities.ts and lib/dates.ts.
 */
export interface TopicPack {
  /** Same as `topic.id`. */
  id: string;
  /** How to tell an article is about the story (lib/topic.ts). */
  topic: TopicDefinition;
  actors: readonly ActorEntry[];
  /** The actors a sentence must concern to be about the story. */
  storyActors: readonly string[];
  /** Who news cites, folded onto one canonical name each ("NIS", "Seoul's spy agency"). */
  sources: readonly SourceEntry[];
  /** Places worth naming in a reason. */
  places: readonly LexiconEntry[];
  /** Places too broad to say two reports speak of one incident ("the front line"). */
  broadPlaces: readonly string[];
  /** What happens in the story, by family. */
  events: readonly EventFamily[];
  /** How close two event families are (symmetric); unlisted pairs are unrelated. */
  eventAffinity: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The event a bare count of forces is, and what a bare denial denies ("dismissed the claims"). */
  coreEvent: string;
  /** The event a count of dead, wounded or captured is. */
  casualtyEvent: string;
  /** Events whose role (intelligence, combat) is the claim's own. */
  mainEvents: readonly string[];
  /** Order in which a reason names a shared event: the most telling first. */
  reasonOrder: readonly string[];
  /** Cues that tell what the forces are there to do. */
  roleCues: readonly { role: RoleName; pattern: RegExp }[];
  /** Whose forces: demonyms before a force noun, names after "of". */
  forceOwners: readonly ForceOwner[];
  /** Nouns for a body of forces, lower case ("troops", "police officers"): what an owner word must stand before. */
  forceNouns: readonly string[];
  /** The kinds of figure the story's reports keep giving and revising, for the figures over time (lib/timeline.ts). */
  figureKinds: readonly FigureKind[];
}

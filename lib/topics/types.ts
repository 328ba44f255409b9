// The shape of a tracked topic. A topic is data: who (subject) sends what (force) into
// which conflict (setting). The scorer in lib/topic.ts knows nothing of any one topic,
// so a second topic is a second definition file, not new code.

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
}

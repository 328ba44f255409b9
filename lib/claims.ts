// Picks the checkable sentences of a text and reads each into structure: what is
// counted, who says so (the original source, not the outlet relaying it), whether it is
// asserted, denied or met with silence, how hedged it is, whose forces and which event.
//
// A sentence is checkable when a reader could hold it against another report: it states
// a count, it reports what a named source said, it denies or withholds comment, or it
// states an event of the story (a deployment, combat, casualties, withdrawal, arms
// supplies) about the story's actors.

import { eventDate, namesCalendarDate } from './dates';
import { contentTerms, foldText } from './normalise';
import { splitSentences } from './sentences';
import { parseQuantities, type ParsedQuantity } from './quantities';
import type { Mention } from './mentions';
import { BACKGROUND_BEFORE, CONCERN_BEFORE, DENIAL_CUES, DONE_BEFORE, DONE_WORD, EXPECTED_BEFORE, GENERIC_OBJECT, NO_COMMENT_CUES, REPORTING_VERBS, SENT_NOT_FORCES, SOURCE_PREFIX } from './news-english';
import { compilePack, type CompiledPack } from './topics/compile';
import type { RoleName, TopicPack } from './topics/types';

export type Polarity = 'asserts' | 'denies' | 'no-comment';
export type Role = RoleName;

/** One event a claim states, with the stance its speaker takes on it. */
export interface ClaimEvent {
  /** Event family from the lexicon: 'deploy', 'casualty', 'withdraw'… */
  family: string;
  polarity: Polarity;
  /** The words that deny or withhold ("dismissed … as a groundless rumor", "has not confirmed"). */
  cue: string | null;
  /** Who denies or stays silent (canonical actors), when the sentence says. */
  actors: string[];
  role: Role | null;
  /** True when the event is not named but implied ("dismissed the claims" → the deployment). */
  implied: boolean;
  /** Where in the sentence a denial's or silence's reach begins (its cue, or its clause); null when asserted. */
  scopeFrom?: number | null;
  /** Where its reach ends: the end of its clause; null when asserted. */
  scopeTo?: number | null;
  /** Whom it goes to (a canonical actor), for families given to someone: "supplying weapons to Russia". */
  recipient?: string | null;
  /** True when the sentence voices concern about the event rather than stating it ("voiced concern about North Korea supplying weapons"). */
  concern?: boolean;
  /** True when the event is only the setting of what the sentence states ("… as North Korea sends troops"). */
  background?: boolean;
  /** Whether the sentence puts the event ahead ("may send", "plans to deploy") or reports it done ("has sent", "arrived"); unset when it does not say. */
  aspect?: 'expected' | 'done';
}

export interface ExtractedClaim {
  /** The sentence exactly as it stands in the input: `input.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  quantities: ParsedQuantity[];
  /** Canonical original source ("South Korea's National Intelligence Service"), or null. */
  attribution: string | null;
  /** The outlet or speaker relaying the original source ("Yonhap"), when different. */
  via: string | null;
  /** Who speaks or acts: the attribution, else the source the sentence opens with ("President Yoon convened…"). */
  speaker: string | null;
  /** Others named as saying it with the attribution ("Seoul and Washington said": South Korea). */
  jointSources: string[];
  /** Overall polarity: the strongest non-assertion among the events, else 'asserts'. */
  polarity: Polarity;
  polarityCue: string | null;
  /** Who denies or stays silent. */
  polarityActors: string[];
  hedged: boolean;
  hedgeCue: string | null;
  /** Canonical actors named in the sentence. */
  actors: string[];
  /** Whose forces the claim is about ("North Korea" for "1,500 North Korean soldiers"). */
  force: string | null;
  /** 'strong' when read from a count, a deployment noun or a verb's subject; 'weak' from a mere "<owner> troops". */
  forceEvidence: 'strong' | 'weak' | null;
  /** Event families, in order of appearance. */
  predicates: string[];
  events: ClaimEvent[];
  role: Role | null;
  /** Canonical places ("Russia's Far East", "Kursk"). */
  places: string[];
  /** Explicit date of the event ("2023-09", "2023"), when the sentence states one. */
  when: string | null;
  /** The day the claim speaks of (`YYYY-MM-DD`): the date the sentence names, read against its
   * document's date ("on Friday", "Oct. 8", "early October"), else the document's; null when neither is known. */
  date: string | null;
  /** True when the sentence dates its event well before the document it stands in. */
  historical: boolean;
  /** Stemmed content words, for the index and the text similarity. */
  terms: string[];
  /** Why it is checkable ("count", "attributed", "denial", "no comment", "event"); empty when it is not. */
  checkable: string[];
}

export interface ParseOptions {
  /** The story whose names, sources and events the sentence is read for. */
  pack: TopicPack;
  /** Offset of the sentence in the whole text (claims carry offsets into the text). */
  offset?: number;
  /** ISO date of the document, to tell historical background from news. */
  documentDate?: string | null;
  /** What earlier sentences of the same text said, for "he said" and "Minister Kim said". */
  context?: DocumentContext;
}

/** Running context of a document: the last speaker and the speakers named so far, by surname. */
export interface DocumentContext {
  lastAttribution: string | null;
  /** The last agency, ministry or office that spoke: who "the agency said" means after a lawmaker spoke. */
  lastInstitution: string | null;
  bySurname: Map<string, string>;
  /**
   * The speaker of a quotation still open at the end of the last sentence, and for how many
   * more sentences it may run: a quotation of several sentences names its speaker once
   * (She remarked, "… backers. South Korea should consider …").
   */
  openQuote: { speaker: string | null; sentencesLeft: number } | null;
}

/** Months a dated event must precede its document by to count as background. */
export const HISTORICAL_MONTHS = 6;
/** Shortest sentence (words) worth checking; shorter ones are captions and fragments. */
export const MIN_CLAIM_WORDS = 5;
/** Shortest sentence (words) of a report kept as evidence without being a claim: headings and captions are shorter. */
export const MIN_EVIDENCE_WORDS = 6;
/** Longest sentence (chars) taken as one claim; longer ones are run-on captures. */
export const MAX_CLAIM_CHARS = 800;

/**
 * Labels of page furniture left in the text ("Read more: …", "Related: …", "Photo: …"):
 * a teaser or a caption about another page, not a claim of this article.
 */
const FURNITURE_LABEL =
  /^\s*(?:read more|read also|also read|related(?: articles?| stories| story| content| coverage| reading)?|see also|more on this(?: story)?|recommended|watch|listen|video|photo|photograph|image|picture|pictured|caption|advertisement|sponsored|most read|trending|sign up)\s*[:|\u2013\u2014>-]/;
/** A reporting verb anywhere in the sentence: someone stated what follows. */
const REPORTED = /\b(?:said|says|told|stated|announced|confirmed|reported|claimed|warned|stressed|added|noted|denied|dismissed|rejected|believes?|assess(?:es|ed)?|estimated?s?|according to)\b/;
/** A quotation: a statement of its own, whoever made it. */
const QUOTED = /["\u201C\u201D].{12,}["\u201C\u201D]/;
/** Characters around an event word in which its role (intelligence, combat) is read. */
export const ROLE_WINDOW_CHARS = 60;

/** Denials and silences that judge their whole clause rather than what follows them. */
const PREDICATIVE_CUE =
  /^(?:groundless|baseless|unfounded|fake news|(?:another|a|just|more|pure|complete) fakes?|fabricat\w*|(?:complete |utter )?nonsense|no truth|not true|(?:is|are|was|were) not (?:under consideration|being considered|on the table)|out of the question|(?:has|have) not been (?:officially )?confirmed)/;
/** Where a new clause, with its own stance, begins: "but", a semicolon, a new reporting verb ("… and said", ", adding"). */
const CLAUSE_BREAK = /,?\s+but\s+|,\s+and\s+|;\s*|,\s+(?:although|though|while|whereas)\s+|\s+-\s+|:\s+(?=\S)|\s+and (?:said|added|insisted|stressed|noted|argued)\s+|,\s+(?:adding|saying|insisting|noting|arguing)\s+/g;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WHEN =
  /\b(?:in|on|since|by|during|from|until|as of)\s+(?:(?:early|mid|late)[\s-]+)?(?:(jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2},?\s+)?)?((?:19|20)\d\d)\b/;
const TITLES = /^(?:minister|president|lawmaker|legislator|mp|governor|professor|prof|researcher|official|ambassador|secretary|general|gen|spokesman|spokeswoman|spokesperson|chief|director|colonel|col|lt|commander|admiral|senator|rep|representative|prime|foreign|defense|defence|deputy|vice|mr|mrs|ms|dr|editor|analyst)$/i;
const PERSON_FRAME = new RegExp(
  String.raw`((?:\p{Lu}[\p{Ll}'’]+(?:-\p{Ll}+)?\s+){1,2}\p{Lu}[\p{Ll}'’]+(?:-\p{Ll}+)?)` +
    String.raw`(?:,[^,]{1,80},|\s+(?:from|of|at)\s+(?:the\s+)?(?:\p{Lu}[\p{L}-]*\s*){1,6})?\s+`,
  'gu',
);
/** Roles that name an institution, not a person: "the agency said" means the last agency that spoke. */
const INSTITUTION_PRONOUN = /^the (?:agency|ministry|service|office|military|kremlin)\b/;
/** A speaker named only by a pronoun or a role ("he said", "the agency told lawmakers"): the previous speaker. */
const PRONOUN_SPEAKER =
  /\b(?:he|she|they|the (?:agency|ministry|official|spokes(?:man|woman|person)|minister|president|service|office|military|kremlin|envoy|ambassador))\s+(?:(?:later|also|then|further|previously|earlier|separately)\s+)?(?:said|says|stressed|added|noted|remarked|told|warned|insisted|explained|stated|emphasi[sz]ed|estimated|reported)\b/;

export function newDocumentContext(): DocumentContext {
  return { lastAttribution: null, lastInstitution: null, bySurname: new Map(), openQuote: null };
}

/** The checkable claims of a text, with offsets into it. */
export function extractClaims(text: string, opts: { pack: TopicPack; documentDate?: string | null }): ExtractedClaim[] {
  const context = newDocumentContext();
  const out: ExtractedClaim[] = [];
  for (const s of splitSentences(text)) {
    const claim = parseClaim(s.text, { pack: opts.pack, offset: s.start, documentDate: opts.documentDate ?? null, context });
    if (claim.checkable.length > 0) out.push(claim);
  }
  return out;
}

/**
 * The sentences of a corpus report that may stand as evidence for a page's claim: its
 * claims, and every other sentence of the story, such as reactions, analysis and plans
 * ("Defense experts offer varying perspectives on the impact of North Korean involvement").
 * A page's claim is what a reader checks, so it must be checkable; what it is checked
 * against may be any sentence of a report about the story, as long as it is a sentence
 * (not a caption or a fragment) and names one of the story's actors, places or forces, or
 * points back to a sentence that does ("The two leaders confirmed plans to exchange
 * delegations"). Other stories' teasers left in a saved page name none of them.
 */
export function extractEvidence(text: string, opts: { pack: TopicPack; documentDate?: string | null }): ExtractedClaim[] {
  const k = compilePack(opts.pack);
  const context = newDocumentContext();
  const out: ExtractedClaim[] = [];
  let previousKept = false;
  for (const s of splitSentences(text)) {
    const claim = parseClaim(s.text, { pack: opts.pack, offset: s.start, documentDate: opts.documentDate ?? null, context });
    const kept: boolean = claim.checkable.length > 0 || isEvidenceSentence(claim, k, previousKept);
    if (kept) out.push(claim);
    previousKept = kept;
  }
  return out;
}

/** A sentence of the story that is not a checkable claim but may still be evidence (see extractEvidence). */
function isEvidenceSentence(c: ExtractedClaim, k: CompiledPack, followsStory: boolean): boolean {
  // Only the sentence's opening is folded again for the furniture label: every report sentence passes here on an index build.
  const words = c.text.split(/\s+/).filter(Boolean).length;
  if (words < MIN_EVIDENCE_WORDS || c.text.length > MAX_CLAIM_CHARS || /\?\s*["'\u201D\u2019]?$/.test(c.text.trim()) || FURNITURE_LABEL.test(foldText(c.text.slice(0, 80)))) return false;
  return c.actors.some((a) => k.storyActors.has(a)) || c.force !== null || c.places.length > 0 || (followsStory && REFERS_BACK.test(c.text));
}

/** A sentence that opens by pointing back ("The two leaders …", "He …", "This …") continues the one before. */
const REFERS_BACK = /^\W*(?:the|this|these|those|he|she|they|it|its|their|his|her)\b/i;

/** Reads one sentence into a claim (whether or not it is checkable). */
export function parseClaim(text: string, opts: ParseOptions): ExtractedClaim {
  const k = compilePack(opts.pack);
  const offset = opts.offset ?? 0;
  const folded = foldText(text);
  const actorMentions = k.actorFinder.find(text, folded);
  const sourceMentions = k.sourceFinder.find(text, folded);
  const actors = unique(actorMentions.map((m) => m.id));
  const quantities = parseQuantities(text);

  const { attribution, teller, via, jointSources } = findAttribution(text, folded, sourceMentions, actorMentions, opts.context, k);
  const clauses = splitClauses(folded, text);
  const events: ClaimEvent[] = [];
  for (const [from, to] of clauses) {
    events.push(...clauseEvents(text, folded, from, to, clauses[0]![0] === from, sourceMentions, actorMentions, k));
  }
  // "called the reports about the dispatch contradictory but did not confirm them": the
  // dispatch is what the reports say, not what the speaker asserts, once the sentence is
  // silent on it or denies it.
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (reportedOnly.has(e) && events.some((o) => o.family === e.family && o.polarity !== 'asserts')) events.splice(i, 1);
  }
  addImpliedEvents(events, quantities, folded, k);
  // "… is not under consideration," the official said: an unnamed denier is the speaker.
  // Inside a quotation opened in an earlier sentence, the one who opened it speaks.
  const speaker = attribution ?? openingSource(text, folded, sourceMentions) ?? opts.context?.openQuote?.speaker ?? null;
  const speakerActor = speaker ? (k.sourceEntry(speaker)?.actor ?? (k.storyActors.has(speaker) ? speaker : null)) : null;
  if (speakerActor) for (const e of events) if (e.polarity !== 'asserts' && e.actors.length === 0) e.actors = [speakerActor];
  const negative = events.find((e) => e.polarity === 'denies') ?? events.find((e) => e.polarity === 'no-comment');
  const predicates = unique(events.map((e) => e.family));
  const hedge = /\b(?:may|might|could|reportedly|allegedly|alleged|purportedly|possibly|likely|probably|believed to|thought to|said to be|suggests?|unconfirmed|unverified|claimed to|potential|possible|expected to|plans? to|intends? to|preparing to)\b/.exec(folded);
  const when = findWhen(folded);

  const claim: ExtractedClaim = {
    text,
    start: offset,
    end: offset + text.length,
    quantities,
    attribution,
    via,
    speaker,
    jointSources,
    polarity: negative?.polarity ?? 'asserts',
    polarityCue: negative?.cue ?? null,
    polarityActors: negative?.actors ?? [],
    hedged: hedge !== null || quantities.some((q) => q.hedged),
    hedgeCue: hedge ? text.slice(hedge.index, hedge.index + hedge[0].length) : null,
    actors,
    ...findForce(folded, quantities, actorMentions, events, k),
    predicates,
    events,
    role: mainRole(events, k),
    places: unique(k.placeFinder.find(text, folded).map((m) => m.id)),
    when,
    date: eventDate(text, opts.documentDate ?? null),
    historical: isHistorical(when, opts.documentDate ?? null),
    terms: [],
    checkable: [],
  };
  claim.terms = [...contentTerms(text), ...conceptTerms(claim)];
  claim.checkable = checkability(claim, folded, k);
  if (opts.context) updateContext(opts.context, claim, teller ?? speaker, text, folded, sourceMentions, k);
  return claim;
}

/**
 * What a sentence names beyond its words, as terms beside them: its event families, actors,
 * original source, places and counted values. Two reports of one fact often share few words
 * ("dispatched 12,000 soldiers" / "sent 12,000 troops") but the same event, forces and
 * number; these terms let the index and the text similarity see that. Their prefixes cannot
 * occur in a content word, so they never collide with one or take part in fuzzy spelling.
 */
export const CONCEPT_PREFIX = '#';
function conceptTerms(c: ExtractedClaim): string[] {
  const out = new Set<string>();
  for (const e of c.events) out.add(`${CONCEPT_PREFIX}e:${e.family}`);
  // A denial and a silence on the same event are two positions a reader sets side by side
  // ("has not responded" / "dismissed as fake"): both carry the shared term as well as their own.
  if (c.polarity !== 'asserts') out.add(`${CONCEPT_PREFIX}n:${c.polarity}`).add(`${CONCEPT_PREFIX}n:position`);
  for (const a of c.actors) out.add(`${CONCEPT_PREFIX}a:${a}`);
  if (c.attribution) out.add(`${CONCEPT_PREFIX}s:${c.attribution}`);
  for (const p of c.places) out.add(`${CONCEPT_PREFIX}p:${p}`);
  for (const q of c.quantities) out.add(`${CONCEPT_PREFIX}v:${q.value}`);
  if (c.force) out.add(`${CONCEPT_PREFIX}f:${c.force}`);
  return [...out];
}

function checkability(c: ExtractedClaim, folded: string, k: CompiledPack): string[] {
  const words = folded.split(/\s+/).filter(Boolean).length;
  if (words < MIN_CLAIM_WORDS || c.text.length > MAX_CLAIM_CHARS || /\?\s*["']?$/.test(folded.trim())) return [];
  if (FURNITURE_LABEL.test(folded)) return [];
  const speaker = c.attribution ? k.sourceEntry(c.attribution)?.actor : null;
  const story = k.storyActors;
  const aboutStory = c.actors.some((a) => story.has(a)) || (c.force !== null && story.has(c.force)) || (!!speaker && story.has(speaker));
  if (!aboutStory || !hasTopicAnchor(c, k)) return [];
  const reasons: string[] = [];
  if (c.quantities.length > 0) reasons.push('count');
  if (c.attribution && c.predicates.length > 0) reasons.push('attributed');
  if (c.events.some((e) => e.polarity === 'denies')) reasons.push('denial');
  if (c.events.some((e) => e.polarity === 'no-comment')) reasons.push('no comment');
  // An event without a named force, source or count ("The deployment has alarmed Kyiv's allies") presupposes, not claims.
  // (That holds for what forces do; a pact or arms supplies between the story's states are claims in themselves.)
  const forcesNamed = !!(c.force || c.attribution || c.quantities.length);
  // Story events are events of the story in themselves ("North Korea may send troops"); one
  // done by forces must say whose forces, who says so, or how many.
  if (c.predicates.some((p) => k.flagged.story.has(p) && (forcesNamed || !k.flagged.forces.has(p)))) reasons.push('event');
  // "left North Korea in early October … transferred to the Kursk region in mid-December".
  if ((c.when || namesCalendarDate(folded)) && c.predicates.length > 0) reasons.push('dated');
  // What a named side says or does about the story, quoted or reported, is checkable
  // against what others say it said: "They should think about the consequences," she said.
  if (!reasons.length && (c.speaker !== null || QUOTED.test(c.text) || (c.predicates.length > 0 && REPORTED.test(folded)))) reasons.push('statement');
  return reasons;
}

/**
 * Whether the sentence itself names something of the story: one of its actors or places,
 * whose forces, a count, or one of its events. A speaker carried over from the sentence
 * before ("The president said …") is not enough: on a real page that sentence may be a
 * caption or a teaser about another story.
 */
function hasTopicAnchor(c: ExtractedClaim, k: CompiledPack): boolean {
  return (
    c.actors.some((a) => k.storyActors.has(a)) ||
    c.force !== null ||
    c.quantities.length > 0 ||
    c.places.length > 0 ||
    // Anchoring events tie a sentence to the story by themselves ("he said the troops had been
    // sent"); combat does not: "fighting for gun control" is a figure of speech.
    c.events.some((e) => !e.implied && k.flagged.anchors.has(e.family))
  );
}

function splitClauses(folded: string, text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(folded); m; m = CLAUSE_BREAK.exec(folded)) {
    // ", and Moscow has never confirmed …": "and" before a name opens a clause with its own subject.
    if (m[0].startsWith(',') && /^,\s+and\s+$/.test(m[0]) && !/^\p{Lu}/u.test(text.slice(m.index + m[0].length))) continue;
    if (m.index > start) out.push([start, m.index]);
    start = m.index + m[0].length;
  }
  if (start < folded.length) out.push([start, folded.length]);
  if (out.length === 0) out.push([0, folded.length]);
  return out;
}

/** An event named as what reports or claims say ("the reports about the dispatch of …"), right before it. */
const REPORTED_OBJECT = /\b(?:reports?|claims?|allegations?|accusations?|rumou?rs?|speculation|information)\s+(?:about|of|on|that|regarding)\s+(?:[\w'’-]+\s+){0,6}$/;
/** Characters before an event's words that say how the sentence holds it (reported, background, expected or done). */
const BEFORE_EVENT_CHARS = 80;
/** A worry reaches further back ("voiced their deep concern about reports that North Korea …"). */
const CONCERN_BEFORE_CHARS = 120;

/** Whether the words before an event put it ahead ("plans to send") or report it done ("has sent", "arrived"), or neither. */
function aspectOf(eventWords: string, before: string): ClaimEvent['aspect'] {
  if (EXPECTED_BEFORE.test(before)) return 'expected';
  if (DONE_WORD.test(eventWords) || DONE_BEFORE.test(before)) return 'done';
  return undefined;
}

/** Events asserted only as what reports say (see parseClaim); kept apart so the event type stays as it is. */
const reportedOnly = new WeakSet<ClaimEvent>();

/** Events of one clause; a denial or silence covers what follows its cue in the clause. */
function clauseEvents(
  text: string,
  folded: string,
  from: number,
  to: number,
  firstClause: boolean,
  sources: Mention[],
  actorMentions: Mention[],
  k: CompiledPack,
): ClaimEvent[] {
  const clause = folded.slice(from, to);
  const denial = firstDenial(clause);
  const silence = firstMatchAt(NO_COMMENT_CUES, clause);
  const cue = denial ?? silence;
  const polarity: Polarity = denial ? 'denies' : silence ? 'no-comment' : 'asserts';
  // "Sending combat units is not under consideration": a judgement on the clause covers all of it;
  // a verb ("denied", "will not send") covers what follows it.
  const cueStart = !cue ? Infinity : PREDICATIVE_CUE.test(cue.text) ? -1 : cue.index;
  const cueActors = !cue
    ? []
    : // "Neither Moscow nor Pyongyang has commented" names who is silent inside the cue; "Moscow has neither confirmed nor denied" before it.
      /^neither\b/.test(cue.text) && !/^neither (?:confirm|den)/.test(cue.text)
      ? unique(actorMentions.filter((m) => m.start >= from + cue.index && m.end <= from + cue.index + cue.text.length).map((m) => m.id))
      : polarityActors(text, from, from + cue.index, firstClause, sources, actorMentions, k);
  const cueText = cue ? cueLabel(text, folded, from + cue.index, cue.text, to) : null;

  const events: ClaimEvent[] = [];
  const seen = new Set<string>();
  for (const p of k.pack.events) {
    p.pattern.lastIndex = 0;
    for (let m = p.pattern.exec(clause); m; m = p.pattern.exec(clause)) {
      // "Plans to send a delegation": something is sent, but no forces.
      if (p.forces && SENT_NOT_FORCES.test(clause.slice(m.index + m[0].length, m.index + m[0].length + 60))) continue;
      const inScope = m.index + m[0].length > cueStart;
      const key = `${p.family}:${inScope}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const window = clause.slice(Math.max(0, m.index - ROLE_WINDOW_CHARS / 2), m.index + m[0].length + ROLE_WINDOW_CHARS);
      const event: ClaimEvent = {
        family: p.family,
        polarity: inScope ? polarity : 'asserts',
        cue: inScope ? cueText : null,
        actors: inScope ? cueActors : [],
        role: roleOf(window, k),
        implied: false,
        scopeFrom: inScope ? from + Math.max(0, cueStart) : null,
        scopeTo: inScope ? to : null,
      };
      if (p.recipient) event.recipient = recipientOf(folded, from + m.index, from + m.index + m[0].length, to, actorMentions);
      // How the sentence holds an event it asserts, read from the words right before it.
      if (!inScope) {
        const before = clause.slice(Math.max(0, m.index - BEFORE_EVENT_CHARS), m.index);
        if (CONCERN_BEFORE.test(clause.slice(Math.max(0, m.index - CONCERN_BEFORE_CHARS), m.index))) event.concern = true;
        if (REPORTED_OBJECT.test(before)) reportedOnly.add(event);
        if (BACKGROUND_BEFORE.test(before)) event.background = true;
        const aspect = aspectOf(m[0], before);
        if (aspect) event.aspect = aspect;
      }
      events.push(event);
    }
  }
  // A family both asserted and denied in one clause is denied ("will not send troops to fight").
  const result = events.filter((e) => e.polarity !== 'asserts' || !events.some((o) => o.family === e.family && o.polarity !== 'asserts'));
  if (cue && !result.some((e) => e.polarity !== 'asserts')) {
    const after = clause.slice(cue.index);
    if (GENERIC_OBJECT.test(after) || !result.length) {
      result.push({ family: k.pack.coreEvent, polarity, cue: cueText, actors: cueActors, role: roleOf(clause, k), implied: true, scopeFrom: from + Math.max(0, cueStart), scopeTo: to });
    }
  }
  return result;
}

/** How far past the words of a thing given its recipient may stand ("weapons supplies to its current logistics and aid to Ukraine"). */
const RECIPIENT_WINDOW_CHARS = 60;

/**
 * Whom a thing given goes to: the first actor named after "to" or "for" within reach of its
 * words ("supplying weapons to Russia", "financial assistance … to North Korea"), or between
 * the verb and "with" ("supply Russia with self-propelled howitzers"); null when none is named.
 */
function recipientOf(folded: string, start: number, end: number, clauseEnd: number, actorMentions: Mention[]): string | null {
  const reach = Math.min(clauseEnd, end + RECIPIENT_WINDOW_CHARS);
  for (const m of actorMentions) {
    if (m.start < start || m.end > reach) continue;
    if (/\b(?:to|for)\s+(?:the\s+)?$/.test(folded.slice(Math.max(0, m.start - 12), m.start))) return m.id;
    if (m.end <= end && /^\s+with\b/.test(folded.slice(m.end, m.end + 6))) return m.id;
  }
  return null;
}

/**
 * A count of troops somewhere is a deployment, a count of the dead is casualties, even
 * when no verb says so ("11,000 North Korean soldiers are now in Russia").
 */
function addImpliedEvents(events: ClaimEvent[], quantities: ParsedQuantity[], folded: string, k: CompiledPack): void {
  for (const q of quantities) {
    const family = q.kind === 'casualties' ? k.pack.casualtyEvent : k.pack.coreEvent;
    if (events.some((e) => e.family === family)) continue;
    // A count inside a denial is denied with it ("rejected reports that thousands of soldiers …").
    const denial = events.find((e) => e.polarity !== 'asserts' && inScope(e, q));
    events.push({
      family,
      polarity: denial?.polarity ?? 'asserts',
      cue: denial?.cue ?? null,
      actors: denial?.actors ?? [],
      role: roleOf(folded, k),
      implied: true,
      scopeFrom: denial?.scopeFrom ?? null,
      scopeTo: denial?.scopeTo ?? null,
    });
  }
}

/** Whether a count stands inside the reach of a denial or silence ("could not verify that 11,000 soldiers …"). */
export function inScope(e: ClaimEvent, q: ParsedQuantity): boolean {
  return e.polarity !== 'asserts' && e.scopeFrom != null && e.scopeFrom <= q.span[0] && (e.scopeTo == null || q.span[0] < e.scopeTo);
}

/** The counts a claim states as its own, not those it denies or leaves unconfirmed. */
export function assertedQuantities(c: ExtractedClaim): ParsedQuantity[] {
  return c.quantities.filter((q) => !c.events.some((e) => inScope(e, q)));
}

/**
 * Who denies or stays silent: a source named before the cue in the clause, else an
 * actor there (if the clause has its own subject), else the sentence's first source.
 */
function polarityActors(
  text: string,
  clauseStart: number,
  cueAt: number,
  firstClause: boolean,
  sources: Mention[],
  actorMentions: Mention[],
  k: CompiledPack,
): string[] {
  const inZone = (m: Mention) => m.start >= clauseStart && m.end <= cueAt;
  const zoneSources = sources.filter(inZone).map((m) => k.sourceEntry(m.id)?.actor).filter((a): a is string => !!a);
  if (zoneSources.length) return unique(zoneSources);
  const ownSubject = firstClause || !/^\s*[a-z]/.test(text.slice(clauseStart, clauseStart + 3)) || /^\s*(?:the|a|an|it|they|he|she|we)\b/i.test(text.slice(clauseStart));
  if (ownSubject) {
    const zoneActors = actorMentions.filter(inZone).map((m) => m.id);
    if (zoneActors.length) return unique(zoneActors);
  }
  const subject = sources.find((m) => m.end <= cueAt);
  const actor = subject ? k.sourceEntry(subject.id)?.actor : null;
  return actor ? [actor] : [];
}

/**
 * The original source and the outlet relaying it. Sources stand in a frame: "according
 * to X", "citing X", "X said". In a chain ("Yonhap, citing the NIS"; "Zelensky noted
 * that Ukrainian intelligence had reported") the innermost non-outlet is the original.
 */
function findAttribution(
  text: string,
  folded: string,
  sources: Mention[],
  actorMentions: Mention[],
  context: DocumentContext | undefined,
  k: CompiledPack,
): { attribution: string | null; teller: string | null; via: string | null; jointSources: string[] } {
  // "Neither Moscow nor Pyongyang has commented": names inside a silence are not its speakers.
  const silences: [number, number][] = [];
  NO_COMMENT_CUES.lastIndex = 0;
  for (let m = NO_COMMENT_CUES.exec(folded); m; m = NO_COMMENT_CUES.exec(folded)) silences.push([m.index, m.index + m[0].length]);
  const speaking = (m: Mention) => !silences.some(([a, b]) => m.start >= a && m.start < b);
  const framed = sources.filter((m) => speaking(m) && isFramed(folded, m));
  const jointSources: string[] = [];
  const originals = framed.filter((m) => k.sourceEntry(m.id)?.kind !== 'outlet');
  const outlets = framed.filter((m) => k.sourceEntry(m.id)?.kind === 'outlet');
  let attribution: string | null = originals.length ? originals[originals.length - 1]!.id : null;
  if (!attribution) attribution = personSource(text, folded, context, [...sources, ...actorMentions], k);
  if (!attribution) {
    const framedActor = actorMentions.find((m) => speaking(m) && isFramed(folded, m, true));
    if (framedActor) {
      attribution = framedActor.id;
      jointSources.push(...jointSpeakers(folded, actorMentions, framedActor));
    }
  }
  const pronoun = attribution || !context ? null : PRONOUN_SPEAKER.exec(folded);
  if (pronoun && context) {
    attribution = (INSTITUTION_PRONOUN.test(pronoun[0]) ? context.lastInstitution : null) ?? context.lastAttribution;
  }
  if (!attribution && outlets.length) attribution = outlets[0]!.id;
  // "Zakharova issued the warning as Seoul announced … following its spy agency's confirmation
  // that Pyongyang plans to dispatch 10,000": the count is the agency's finding, while the next
  // "she said" is still Zakharova's.
  const finding = sources.findLast((m) => speaking(m) && k.sourceEntry(m.id)?.kind !== 'outlet' && FINDING_THAT.test(folded.slice(m.end, m.end + 60)));
  const teller = attribution;
  if (finding) attribution = finding.id;
  const relay = framed.find((m) => m.id !== attribution);
  return { attribution, teller, via: relay ? relay.id : null, jointSources };
}

/** Actors named with the speaker as one subject: "Seoul and Washington said", "Kyiv, Seoul and Washington say". */
function jointSpeakers(folded: string, actorMentions: Mention[], speaker: Mention): string[] {
  const out: string[] = [];
  let next = speaker;
  for (let i = actorMentions.indexOf(speaker) - 1; i >= 0; i--) {
    const m = actorMentions[i]!;
    // The name next to the speaker is joined by "and" ("Seoul and Washington"); those before it
    // may be listed with commas ("Kyiv, Seoul and Washington"). A comma alone is no list: "Unlike Moscow, Washington said".
    const joiner = next === speaker ? /^,?\s+(?:and|as well as)\s+$/ : /^\s*(?:,|,?\s+and)\s+$/;
    if (!joiner.test(folded.slice(m.end, next.start)) || m.id === speaker.id) break;
    out.push(m.id);
    next = m;
  }
  return unique(out);
}

/** A source's own finding put as a noun ("'s confirmation that", "'s latest assessment that"), read right after its name. */
const FINDING_THAT = /^'s\s+(?:[\p{L}-]+\s+)?(?:confirmation|assessment|estimate|finding|conclusion|announcement|disclosure|briefing)s?\s+(?:that|of)\b/u;

function isFramed(folded: string, m: Mention, actorOnly = false): boolean {
  const before = folded.slice(Math.max(0, m.start - 60), m.start);
  if (!actorOnly && SOURCE_PREFIX.test(before)) return true;
  const mentionText = folded.slice(m.start, m.end);
  // "the National Intelligence Service (NIS) said": an abbreviation in brackets is part of the name.
  const after = folded.slice(m.end, m.end + 120).replace(/^\s*\([^()]{1,20}\)/, '');
  if (/reports?$/.test(mentionText) && /^\s+(?:that|suggest|indicate|say|said)\b/.test(after)) return true;
  if (!actorOnly && /^(?:\s+[\p{L}'-]+){0,3}\s+as\s+saying\b/u.test(after)) return true;
  if (!actorOnly && /^,?\s+(?:who|which)\s+/.test(after) && REPORTING_VERBS.test(after.replace(/^,?\s+(?:who|which)\s+/, ''))) return true;
  // An actor speaks only when the verb follows its name ("Seoul believes", "Russia denied").
  if (actorOnly) return !after.startsWith("'s") && /^\s+/.test(after) && REPORTING_VERBS.test(after.trimStart()) && !/^\s+\w+\s+to be\b/.test(after);
  // "Zelensky's office said": a possessive needs a noun before the verb ("South Korea's claims" is no frame).
  if (after.startsWith("'s")) {
    if (actorOnly) return false;
    const tail = /^'s\s+(?:[\p{L}-]+\s+){1,2}(.*)$/u.exec(after);
    return !!tail && REPORTING_VERBS.test(tail[1]!);
  }
  // "X said", "X, editor at Y, noted"; up to two words of title or name between.
  const rest = after.replace(/^,[^,]{1,80},/, '');
  for (let cut = 0; cut <= 2; cut++) {
    const tail = rest.replace(new RegExp(String.raw`^(?:\s+[\p{L}'-]+){${cut}}\s+`, 'u'), '');
    if (tail !== rest && REPORTING_VERBS.test(tail)) return true;
  }
  return false;
}

/** A named person framed as speaker ("Valeriy Ryabykh suggests", "Moon Seong-mok from the … warns"). */
function personSource(text: string, folded: string, context: DocumentContext | undefined, known: Mention[], k: CompiledPack): string | null {
  PERSON_FRAME.lastIndex = 0;
  for (let m = PERSON_FRAME.exec(text); m; m = PERSON_FRAME.exec(text)) {
    const after = folded.slice(m.index + m[0].length);
    if (!REPORTING_VERBS.test(after)) {
      // Try again from the next word: "Vice Foreign Minister Kim Jong Gyu said" is a name of three words after a title.
      PERSON_FRAME.lastIndex = m.index + (/^\S+\s*/u.exec(m[0])?.[0].length ?? 1);
      continue;
    }
    // A possessive is not a speaker ("South Korea's claims"); nor is a name the lexicon already knows.
    if (/['’]s$/.test(m[1]!)) continue;
    const nameStart = m.index;
    const nameEnd = m.index + m[1]!.length;
    if (known.some((k) => k.start < nameEnd && k.end > nameStart && (k.end - k.start) >= (nameEnd - nameStart) / 2)) continue;
    const words = m[1]!.split(/\s+/);
    while (words.length && TITLES.test(words[0]!)) words.shift();
    if (words.length === 0) continue;
    if (/^(?:the|a|an|this|that|these|those|some|many|officials|analysts|experts|sources|reports)$/i.test(words[0]!)) continue;
    if (words.length === 1) {
      // "Minister Kim said": a surname met earlier in the text names the speaker.
      const known = context?.bySurname.get(words[0]!.toLowerCase());
      if (known) return known;
      continue;
    }
    const name = words.join(' ');
    // A country's name is an actor, not a person ("North Korea said"); "David Lammy" is a person.
    if (k.actorFinder.find(name).some((a) => a.start === 0 && a.end === name.length)) continue;
    return name;
  }
  return null;
}

/** `teller`: who says the sentence, which may not be the source of what it states. */
function updateContext(context: DocumentContext, claim: ExtractedClaim, teller: string | null, text: string, folded: string, sources: Mention[], k: CompiledPack): void {
  // A named speaker is later "Minister Kim" (Korean names put the family name first) or "Singh".
  for (const m of sources) {
    const words = text.slice(m.start, m.end).split(/\s+/);
    if (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w))) {
      context.bySurname.set(words[0]!.split('-')[0]!.toLowerCase(), m.id);
      context.bySurname.set(words[words.length - 1]!.toLowerCase(), m.id);
    }
  }
  // The next "he said" refers to this sentence's speaker; the next "the agency said" to the last institution.
  if (teller) context.lastAttribution = teller;
  context.openQuote = quotationLeftOpen(context.openQuote, folded, claim.speaker);
  const kind = claim.speaker ? k.sourceEntry(claim.speaker)?.kind : null;
  if (kind === 'intelligence' || kind === 'official') context.lastInstitution = claim.speaker;
}

/** A quotation runs at most this many sentences past the one that opened it (a stray quote mark must not give a speaker to the rest of the page). */
export const MAX_QUOTED_SENTENCES = 4;

/** Whether a quotation is still open after this sentence, and whose it is. */
function quotationLeftOpen(
  before: DocumentContext['openQuote'],
  folded: string,
  speaker: string | null,
): DocumentContext['openQuote'] {
  let open = before !== null;
  for (const ch of folded) if (ch === '"') open = !open;
  if (!open) return null;
  if (before && !folded.includes('"')) return before.sentencesLeft > 1 ? { speaker: before.speaker, sentencesLeft: before.sentencesLeft - 1 } : null;
  return { speaker: before?.speaker ?? speaker, sentencesLeft: MAX_QUOTED_SENTENCES };
}

/**
 * A source named in the first words of the sentence: its subject. Not one named after a
 * denial or silence, which is its object ("Allies cannot confirm Zelensky's figure").
 */
function openingSource(text: string, folded: string, sources: Mention[]): string | null {
  const cueAt = Math.min(firstMatchAt(DENIAL_CUES, folded)?.index ?? Infinity, firstMatchAt(NO_COMMENT_CUES, folded)?.index ?? Infinity);
  const opening = sources.find((m) => m.start < cueAt && text.slice(0, m.start).split(/\s+/).filter(Boolean).length <= 4);
  return opening?.id ?? null;
}

/**
 * Whose forces: the owner named on a counted noun ("1,500 North Korean soldiers"), on a
 * deployment noun ("the deployment of North Korean personnel"), the actor just before a
 * deployment verb ("Pyongyang sent"), or any "<owner> troops" in the sentence.
 */
function findForce(
  folded: string,
  quantities: ParsedQuantity[],
  actorMentions: Mention[],
  events: ClaimEvent[],
  k: CompiledPack,
): { force: string | null; forceEvidence: 'strong' | 'weak' | null } {
  const strong = (force: string | null) => ({ force, forceEvidence: force ? ('strong' as const) : null });
  for (const q of quantities) {
    const owner = ownerOf(folded.slice(q.span[0], q.span[1]), folded.slice(q.span[1], q.span[1] + 40), k);
    if (owner) return strong(owner);
  }
  const nominal = nominalOwner(folded, k);
  if (nominal) return strong(nominal);
  if (events.some((e) => e.family === k.pack.coreEvent && !e.implied)) {
    const verb = SENDING_VERB.exec(folded);
    if (verb) {
      // The subject is a name ("Pyongyang sent"), never a demonym on another noun ("Russian units")
      // nor a possessive ("South Korea's reports of …").
      const before = actorMentions.filter(
        (m) =>
          m.end <= verb.index &&
          !isDemonym(folded, m, k) &&
          !folded.startsWith("'s", m.end) &&
          // "rotate fresh units into Russia and could eventually send": a place, not the sender.
          !PREPOSITION_BEFORE.test(folded.slice(Math.max(0, m.start - 20), m.start)),
      );
      const nearest = before[before.length - 1];
      if (nearest && verb.index - nearest.end < 60 && k.storyActors.has(nearest.id)) {
        // Forces named between the name and the verb are what is sent ("supporting Kyiv, warned
        // that when the North Korean troops are deployed"): their owner, not the name, sends them.
        const between = folded.slice(nearest.end, verb.index);
        k.forceOwnerBefore.lastIndex = 0;
        const troops = k.forceOwnerBefore.exec(between);
        if (troops) return strong(k.ownerActor.get(troops[1]!) ?? nearest.id);
        // "trained in Vladivostok, Russia, before being transferred to Kursk": the subject of a
        // passive is what is sent, and the name before it is no sender.
        if (!isPassive(folded, verb)) return strong(nearest.id);
      }
    }
  }
  // Observers sent to watch "North Korean troops" are not North Korea's.
  if (mainRole(events, k) === 'intelligence') return { force: null, forceEvidence: null };
  k.forceOwnerBefore.lastIndex = 0;
  const owned = k.forceOwnerBefore.exec(folded);
  k.forceOwnerAfter.lastIndex = 0;
  const after = owned ? null : k.forceOwnerAfter.exec(folded);
  const weak = owned ? (k.ownerActor.get(owned[1]!) ?? null) : after ? (k.ownerActor.get(after[1]!) ?? null) : null;
  return { force: weak, forceEvidence: weak ? 'weak' : null };
}

/** Verbs of sending forces somewhere, whose subject is the sender. */
const SENDING_VERB =
  /\b(?:deploy|deploys|deployed|deploying|dispatch|dispatches|dispatched|dispatching|send|sends|sending|sent|mobili[sz](?:e|es|ed|ing)|transfer|transfers|transferred|transferring)\b/;
/** Nouns of a deployment whose owner follows "of" ("the deployment of North Korean personnel", "the arrival in Russia of the North Koreans"). */
const DEPLOYMENT_NOUN = /\b(?:deployment|dispatch|arrival|presence|withdrawal|transfer)(?:\s+(?:in|to|into|on)\s+(?:the\s+)?[\w-]+)?\s+of\s+(?:[\w,]+\s+){0,2}?$/;
/** Nouns of an intention to send, after the owner ("North Korean plans to send"). */
const INTENTION_TO_SEND = /^\s+(?:plans?|intentions?|decision|pledge|readiness)\s+to\s+(?:send|deploy|dispatch)\b/;

/** A deployment noun right after its owner ("North Korea's troop deployment", "Pyongyang's dispatch of soldiers"), and any "of" after it. */
const OWNED_DEPLOYMENT = /^\s+(?:(?:troop|troops|military|army|force|forces)\s+)?(?:deployment|dispatch|redeployment)\b(?:\s+of\s+(?:the\s+)?)?/;

/** Whether the text starts with an owner word ("north korean troops"). */
function ownerAt(text: string, k: CompiledPack): boolean {
  return k.ownerWord.exec(text)?.index === 0;
}

/** The owner named on a deployment or an intention to send: "the deployment of North Korean personnel". */
function nominalOwner(folded: string, k: CompiledPack): string | null {
  const owner = k.ownerWords;
  owner.lastIndex = 0;
  for (let m = owner.exec(folded); m; m = owner.exec(folded)) {
    if (!k.demonyms.has(m[1]!) && !/['’]s$/.test(m[1]!)) continue;
    const before = folded.slice(Math.max(0, m.index - 60), m.index);
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if ((k.demonyms.has(m[1]!) && DEPLOYMENT_NOUN.test(before)) || INTENTION_TO_SEND.test(after)) return k.ownerActor.get(m[1]!) ?? null;
    // "North Korea's troop deployment", "the North Korean troop dispatch": the owner's forces,
    // unless the deployment is of someone else's ("Russia's deployment of North Korean troops").
    const owned = OWNED_DEPLOYMENT.exec(after);
    if (owned && !ownerAt(after.slice(owned[0].length), k)) return k.ownerActor.get(m[1]!) ?? null;
  }
  return null;
}

/** A past participle right after a form of "be" or "get" ("being transferred", "were sent"). */
function isPassive(folded: string, verb: RegExpExecArray): boolean {
  return /(?:ed|sent)$/.test(verb[0]) && /\b(?:is|are|was|were|be|been|being|get|gets|got|getting)\s+$/.test(folded.slice(Math.max(0, verb.index - 12), verb.index));
}

/**
 * A preposition of place or direction right before a name makes it a place, never a verb's
 * subject ("units into Russia and could send"). Not "of", "by" or "for", which may name the
 * doer ("reports of North Korea deploying", "calls for Pyongyang to send").
 */
const PREPOSITION_BEFORE = /\b(?:into|to|in|inside|from|with|against|on|at|toward|towards|alongside|near)\s+(?:the\s+)?$/;

/** A demonym ("Russian", "North Koreans") describes a noun; it is no verb's subject. */
function isDemonym(folded: string, m: Mention, k: CompiledPack): boolean {
  return k.demonymName.test(folded.slice(m.start, m.end));
}

/** The owner named inside a count phrase, or right after it ("10,000 soldiers of North Korea"). */
function ownerOf(phrase: string, after: string, k: CompiledPack): string | null {
  const m = k.ownerWord.exec(phrase);
  if (m) return k.ownerActor.get(m[1]!) ?? null;
  const of = /^\s+(?:of|from)\s+(.{1,40})/.exec(after);
  if (of) {
    const name = k.ownerWord.exec(of[1]!);
    if (name && name.index === 0) return k.ownerActor.get(name[1]!) ?? null;
  }
  return null;
}

/** The role of the claim's main event: the deployment or combat it states, else any event's. */
function mainRole(events: ClaimEvent[], k: CompiledPack): Role | null {
  const main = events.find((e) => k.pack.mainEvents.includes(e.family));
  return main ? main.role : (events.find((e) => e.role)?.role ?? null);
}

/**
 * The cue as a reader should see it: "has not responded" for "Neither … nor … has
 * responded", and a dismissal with what it called the claims ("dismissed as a “groundless rumor”").
 */
function cueLabel(text: string, folded: string, at: number, cue: string, clauseEnd: number): string {
  const neither = /^neither\b.*\b(has|have|had) (?:yet )?(?:officially |publicly )?(responded|commented|confirmed|reacted|acknowledged|admitted|mentioned|addressed)$/.exec(cue);
  if (neither) return `${neither[1]} not ${neither[2]}`;
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  const original = oneLine(text.slice(at, at + cue.length));
  if (/^(?:dismiss|reject|den)/.test(cue)) {
    const rest = folded.slice(at + cue.length, clauseEnd);
    // What the claims were called, with its quotes: "as a “groundless rumor.”".
    const as = /^[^.;]{0,60}?\s(?:as|called it|calling it)\s+((?:an?\s+)?(?:"[^"]{2,40}"|[^".;,]{2,40}))/.exec(rest);
    if (as) {
      const start = at + cue.length + as.index + as[0].length - as[1]!.length;
      const called = oneLine(text.slice(start, start + as[1]!.length)).replace(/[.,]([”"’'])$/, '$1');
      return `${original} as ${called}`;
    }
  }
  return original;
}

function roleOf(folded: string, k: CompiledPack): Role | null {
  for (const r of k.pack.roleCues) if (r.pattern.test(folded)) return r.role;
  return null;
}

function findWhen(folded: string): string | null {
  const m = WHEN.exec(folded);
  if (!m) return null;
  const year = m[2]!;
  if (!m[1]) return year;
  const month = MONTHS.indexOf(m[1].slice(0, 3)) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function isHistorical(when: string | null, documentDate: string | null): boolean {
  if (!when || !documentDate) return false;
  const [y, mo] = when.split('-').map(Number);
  const [dy, dm] = documentDate.split('-').map(Number);
  if (!y || !dy) return false;
  const months = (dy - y) * 12 + ((dm ?? 6) - (mo ?? 6));
  return months >= HISTORICAL_MONTHS;
}

/** Words right before a denial verb that undo it: "did not deny", "neither confirmed nor denied", "neither denied nor confirmed", "refused to confirm or deny". */
const NEGATED_DENIAL = /\b(?:not|never|neither|nor|n't)\s+(?:(?:publicly|explicitly|officially|immediately|yet)\s+)?$|n't\s*$|\bconfirm\w*\s+or\s+$/;

/** The first denial cue of a clause that is not itself negated. */
function firstDenial(clause: string): { index: number; text: string } | null {
  DENIAL_CUES.lastIndex = 0;
  for (let m = DENIAL_CUES.exec(clause); m; m = DENIAL_CUES.exec(clause)) {
    if (!NEGATED_DENIAL.test(clause.slice(Math.max(0, m.index - 30), m.index))) return { index: m.index, text: m[0] };
  }
  return null;
}

function firstMatchAt(re: RegExp, text: string): { index: number; text: string } | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? { index: m.index, text: m[0] } : null;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

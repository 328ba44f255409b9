// Topic detection: is this article about the tracked topic, or does it only mention it?
//
// A page is on-topic when the topic's three parts stand together, again and again, and
// up front: the subject bound to its force ("North Korean troops", "troops from
// Pyongyang", not "North Korea … American troops"), with the setting (Russia, the war in
// Ukraine) in the same sentence or the next. Mentions of the three parts scattered over
// a page prove nothing: a missile-test story names North Korea, Russia and troops too.
//
// Two entry points, like article detection: quickTopicCheck runs on every page and only
// rejects pages that cannot be on-topic; scoreTopic decides.

import { findTerm, foldForPieces, literalPieces, mayMatch, PARTS_APART, termCore, termSurface, termsHash, type TermCore } from './literal-prefilter';
import { splitSentences, type Sentence } from './segment';
import { QUICK_PIECES, type KnownPieces } from './topics/quick-pieces';
import type { TermGroup, TopicDefinition } from './topics/types';
import type { TopicResult } from './types';

export type { TermGroup, TopicDefinition } from './topics/types';

/** Score (0..1) at and above which a page is on-topic, at the default sensitivity. */
export const MIN_TOPIC_SCORE = 0.35;
/** Sensitivity 0..1 moves the threshold between (1 + span) and (1 - span) times MIN_TOPIC_SCORE. */
export const SENSITIVITY_SPAN = 0.5;
export const DEFAULT_SENSITIVITY = 0.5;

/** Characters of body text the cheap check reads after the title. */
export const QUICK_TEXT_CHARS = 3_000;
/** Characters of body text the scorer reads; a long read states its topic well before this. */
export const MAX_SCORED_CHARS = 100_000;

/** Most words between a subject name and its force noun ("North Korea has sent 12,000 troops"). */
export const BOND_MAX_GAP_WORDS = 8;
/** Another name this close before a force noun (in words) claims it: "American troops", "Russia's 30,000 troops". */
export const OWNER_MAX_GAP_WORDS = 1;
/** Most words between a force noun and a subject named after it ("troops sent by Pyongyang"). */
export const BOND_MAX_GAP_AFTER_WORDS = 4;
/** Sentences on either side of a bond in which the setting (or the action a weak force needs) may stand: in its paragraph, and for the setting also across a paragraph break when both sentences are prose (isProse). */
export const WINDOW_SENTENCES = 1;
/** Words a sentence needs for its window to reach into the neighbouring paragraph (see isProse). */
export const PROSE_MIN_WORDS = 12;
/** Body sentences of prose that make the lede (lines that end without a full stop, such as datelines and widgets, are skipped). */
export const LEDE_SENTENCES = 3;
/** Core sentences at which the count signal reaches 1 - 1/e. */
export const CORE_COUNT_SCALE = 3;
/**
 * Sentences added to the subject's sentences before taking the focus share, so that a
 * single line (a teaser, a caption) cannot make a page look wholly about the topic.
 */
export const FOCUS_PRIOR_SENTENCES = 1;
/** A bond with no setting nearby counts as this fraction of a core sentence. */
export const BOND_ONLY_WEIGHT = 0.5;
/** Share of sentences that are core at which the density signal is full. */
export const FULL_DENSITY = 0.25;
/** At most this fraction of the score is lost when near-topic cues dominate. */
export const NEAR_TOPIC_PENALTY = 0.5;
/** Evidence shown to the reader, and at most this many names of one role (subject, force…). */
export const MAX_EVIDENCE = 10;
export const MAX_EVIDENCE_PER_ROLE = 3;

/** Weights of the signals; they sum to 1 so the score stays in 0..1. */
export const SIGNAL_WEIGHTS = {
  /** The headline states the topic. */
  title: 0.25,
  /** The first sentences state it. */
  lede: 0.15,
  /** How many sentences state it. */
  count: 0.25,
  /** Of the sentences naming the subject, the share about the topic: low for neighbouring stories. */
  focus: 0.2,
  /** Of all sentences, the share about the topic. */
  density: 0.15,
} as const;

/** Credit for a headline by what it holds. */
const TITLE_CREDIT = {
  /** Subject bound to force, with the setting: "North Korean troops enter Kursk battle". */
  core: 1,
  /** Subject bound to force: "North Korean soldiers suffer heavy losses". */
  bond: 0.7,
  /** Subject and setting: "Pentagon: North Koreans now in Russia". */
  subjectSetting: 0.4,
  /** Force and setting without the subject: "Seoul rules out sending troops to Ukraine". */
  forceSetting: 0.25,
} as const;

export interface TopicInput {
  title: string | null;
  text: string;
}

export interface TopicOptions {
  /** 0..1, default 0.5: higher finds the topic in more pages. */
  sensitivity?: number;
}

/** The signals behind a score, each 0..1, for tests and for explaining a verdict. */
export interface TopicSignals {
  title: number;
  lede: number;
  count: number;
  focus: number;
  density: number;
  /** Share of the topic-like sentences that are about a neighbouring story instead. */
  nearTopic: number;
}

export interface TopicScore extends TopicResult {
  /** The threshold the score was held against (MIN_TOPIC_SCORE moved by sensitivity). */
  threshold: number;
  /** Sentences (title included) where subject, force and setting stand together. */
  coreSentences: number;
  signals: TopicSignals;
  /** Labels of the neighbouring stories whose cues fired, most frequent first. */
  nearTopics: string[];
}

export interface QuickCheck {
  pass: boolean;
  /**
   * 0..1: how far the check got through its two clauses, subject first, then setting or
   * force: 0 (no subject), 0.5 (subject only), 1 (both).
   */
  score: number;
}

/** The threshold for a sensitivity (0..1): higher sensitivity, lower threshold. */
export function topicThreshold(sensitivity: number = DEFAULT_SENSITIVITY): number {
  const s = Number.isFinite(sensitivity) ? Math.min(1, Math.max(0, sensitivity)) : DEFAULT_SENSITIVITY;
  return MIN_TOPIC_SCORE * (1 + SENSITIVITY_SPAN * (1 - 2 * s));
}

/**
 * The cheap rejection, for every page: can this be on-topic at all? Reads the title and
 * the first QUICK_TEXT_CHARS of text with a few precompiled regexes (one per clause and
 * case mode). It is generous on purpose (any "Korea", any setting or force word): only
 * scoreTopic decides. A clause's regexes are built and run only when one of its terms'
 * literal pieces stands in the text and a term's core may stand there but not certainly
 * (literal-prefilter.ts): on the pages that never name the subject, nearly all of them, and
 * on most that name it plainly, no regex is compiled.
 */
export function quickTopicCheck(def: TopicDefinition, input: TopicInput): QuickCheck {
  const { quickSubject, quickContext } = quickClauses(def);
  const title = input.title ?? '';
  const head = input.text.length > QUICK_TEXT_CHARS ? input.text.slice(0, QUICK_TEXT_CHARS) : input.text;
  // Folded once, on first need: both parts for the caseless regex, joined for the literal pieces.
  let folded: { title: string; head: string; both: string } | null = null;
  const fold = () => {
    if (folded) return folded;
    const t = foldForPieces(title);
    const h = foldForPieces(head);
    return (folded = { title: t, head: h, both: `${t}${PARTS_APART}${h}` });
  };
  // The same text as whole terms are looked for in it, folded or as written, each on first need.
  const surfaces = new Map<CaseMode, string>();
  const surface = (mode: CaseMode) => {
    let text = surfaces.get(mode);
    if (text === undefined) surfaces.set(mode, (text = termSurface(mode === 'caseless' ? fold().both : `${title}${PARTS_APART}${head}`)));
    return text;
  };
  const fires = (clause: QuickClause) => {
    const f = fold();
    if (!mayMatch(clause.pieces(), f.both)) return false;
    // Each of the clause's two regexes is built only where one of its terms' cores stands and
    // does not settle it: most pages that hold a piece ("north") name no term, or only a term
    // of the other case, and most that name one name it plainly ("North Korean troops").
    const cores = clause.cores();
    const finds = (mode: CaseMode, inTitle: string, inHead: string) => {
      if (cores[mode].length === 0) return false;
      const presence = findTerm(cores[mode], surface(mode));
      if (presence !== 'possible') return presence === 'certain';
      const regex = clause.regex(mode);
      return regex !== null && (regex.test(inTitle) || regex.test(inHead));
    };
    return finds('caseless', f.title, f.head) || finds('cased', title, head);
  };
  const subject = fires(quickSubject);
  const context = subject && fires(quickContext);
  return { pass: context, score: context ? 1 : subject ? 0.5 : 0 };
}

/**
 * Before the page's article is extracted (Readability, tens of ms on the page's main thread),
 * its prose is scored on the whole topic: a page that passed the quick check only by naming
 * the subject and its setting in passing (a story on missile tests or on the June treaty,
 * a news page's teaser list) is let go there. Only the pages far below the threshold go: the
 * article Readability extracts is read again with the full threshold, and prose gathered from
 * the page can hold less of the article than Readability finds. On the development set, as
 * news pages, every on-topic article's prose scored at least 0.62 of the threshold, and every
 * near-topic page that passed the quick check (8 of 14, and the one real page of 130) scored 0.
 */
export const PROSE_PROBE_SHARE = 0.5;
/** Characters of the page's prose the probe scores: the opening of any article, without a whole page's furniture. */
export const PROSE_PROBE_CHARS = 20_000;

export interface ProseProbe {
  topic: TopicResult;
  /** Whether the article is worth extracting: its prose reaches PROSE_PROBE_SHARE of the threshold. */
  worthReading: boolean;
}

/** The topic probe of a page's prose (title and up to PROSE_PROBE_CHARS of text). */
export function probeProse(def: TopicDefinition, input: TopicInput, opts: TopicOptions = {}): ProseProbe {
  const text = input.text.length > PROSE_PROBE_CHARS ? input.text.slice(0, PROSE_PROBE_CHARS) : input.text;
  const scored = scoreTopic(def, { title: input.title, text }, opts);
  return {
    topic: { id: scored.id, onTopic: scored.onTopic, score: scored.score, evidence: scored.evidence },
    worthReading: scored.score >= PROSE_PROBE_SHARE * scored.threshold,
  };
}

/** The topic score of a text, 0..1, with the evidence behind it. */
export function scoreTopic(def: TopicDefinition, input: TopicInput, opts: TopicOptions = {}): TopicScore {
  const threshold = topicThreshold(opts.sensitivity);
  const title = (input.title ?? '').replace(/\s+/g, ' ').trim();
  const body = input.text.length > MAX_SCORED_CHARS ? input.text.slice(0, MAX_SCORED_CHARS) : input.text;
  // The title is scored as a paragraph of its own ahead of the body, so one pass finds both.
  const text = title ? `${title}\n\n${body}` : body;
  const c = compiled(def);
  const sentences = splitSentences(text);
  const titleSentences = title ? sentences.filter((s) => s.paragraph === 0).length : 0;
  const facts = sentences.map(() => emptyFacts());
  placeMatches(text, sentences, facts, c);

  const bonded = facts.map((_, i) => {
    const bond = bondOf(text, sentences, facts, i);
    return bond === 'strong' || (bond === 'weak' && near(text, sentences, facts, i, 'action'));
  });
  const core = bonded.map((b, i) => b && near(text, sentences, facts, i, 'setting'));

  let coreCount = 0;
  let bondOnly = 0;
  let subjectSentences = 0;
  let nearSentences = 0;
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i]!;
    if (core[i]) coreCount++;
    else if (bonded[i]) bondOnly++;
    if (f.subject.length > 0 || f.people.length > 0) subjectSentences++;
    if (!core[i] && f.near.length > 0 && (f.subject.length > 0 || f.people.length > 0 || f.setting.length > 0)) {
      nearSentences++;
    }
  }

  const bodyFrom = titleSentences;
  const titleCredit = title ? scoreTitle(facts.slice(0, titleSentences), core, bonded) : 0;
  const lede = ledeStatesTopic(text, sentences, core, bodyFrom) ? 1 : 0;
  const weighted = coreCount + BOND_ONLY_WEIGHT * bondOnly;
  const signals: TopicSignals = {
    title: titleCredit,
    lede,
    count: 1 - Math.exp(-weighted / CORE_COUNT_SCALE),
    focus: coreCount / (subjectSentences + FOCUS_PRIOR_SENTENCES),
    density: sentences.length > 0 ? Math.min(1, coreCount / sentences.length / FULL_DENSITY) : 0,
    nearTopic: nearSentences > 0 ? nearSentences / (nearSentences + coreCount) : 0,
  };
  const raw =
    SIGNAL_WEIGHTS.title * signals.title +
    SIGNAL_WEIGHTS.lede * signals.lede +
    SIGNAL_WEIGHTS.count * signals.count +
    SIGNAL_WEIGHTS.focus * signals.focus +
    SIGNAL_WEIGHTS.density * signals.density;
  const score = round(raw * (1 - NEAR_TOPIC_PENALTY * signals.nearTopic));

  return {
    id: def.id,
    onTopic: score >= threshold,
    score,
    evidence: collectEvidence(facts, core),
    threshold: round(threshold),
    coreSentences: coreCount,
    signals: roundSignals(signals),
    nearTopics: collectNearTopics(facts),
  };
}

/**
 * Which groups of the definition fire anywhere in a text, with the terms that fired
 * (as the definition spells them). For checking a definition against a corpus.
 */
export function matchTopicGroups(def: TopicDefinition, text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const g of compiled(def).groups) {
    if (g.role === 'peopleAction') continue;
    const terms = new Set(out[g.id]);
    const excepted = g.except ? spans(g.except, text) : [];
    for (const regex of g.regexes) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        const span = { start: m.index, end: m.index + m[0].length };
        if (!excepted.some((x) => overlaps(x, span))) terms.add(g.display(m[0]));
      }
    }
    if (terms.size > 0) out[g.id] = [...terms];
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Matching

type Role = 'subject' | 'force' | 'weakForce' | 'setting' | 'action' | 'people' | 'peopleAction' | 'owner' | 'near';

interface CompiledGroup {
  id: string;
  label: string;
  role: Role;
  /** One regex for the case-insensitive terms, one for those written with "=" (either may be absent). */
  regexes: RegExp[];
  /** Phrases inside which a match of this group does not count. */
  except: RegExp | null;
  /** The definition's spelling of a matched surface form (a stem shows what matched). */
  display: (surface: string) => string;
}

interface CompiledTopic {
  groups: CompiledGroup[];
}

/** One clause of the cheap check: its terms' literal pieces and its regexes, each worked out on first use. */
interface QuickClause {
  pieces: () => readonly string[] | null;
  /** Each term's core (literal-prefilter.ts' termCore) by case mode, the caseless ones in lower case as their regex reads them. */
  cores: () => Record<CaseMode, readonly TermCore[]>;
  /** The clause's regex for the terms of one case mode (null: it has none). */
  regex: (mode: CaseMode) => RegExp | null;
}

/**
 * The cheap check's two kinds of term: those of any case, written in lower case and run on
 * the folded text (foldForPieces), and those written with their case ("=The North"), run on
 * the text as it is.
 */
type CaseMode = 'caseless' | 'cased';

interface Match {
  start: number;
  end: number;
  group: CompiledGroup;
  term: string;
}

interface SentenceFacts {
  subject: Match[];
  force: Match[];
  weakForce: Match[];
  setting: Match[];
  action: Match[];
  people: Match[];
  peopleAction: Match[];
  owner: Match[];
  near: Match[];
}

const emptyFacts = (): SentenceFacts => ({
  subject: [], force: [], weakForce: [], setting: [], action: [], people: [], peopleAction: [], owner: [], near: [],
});

// Definitions are compiled once and kept for as long as the definition object lives.
const cache = new WeakMap<TopicDefinition, CompiledTopic>();

function compiled(def: TopicDefinition): CompiledTopic {
  let c = cache.get(def);
  if (!c) {
    c = compile(def);
    cache.set(def, c);
  }
  return c;
}

// The cheap check runs on every page a reader opens: it compiles its own two clauses,
// not the whole definition (which only pages that pass need), and only when it needs them.
const quickCache = new WeakMap<TopicDefinition, { quickSubject: QuickClause; quickContext: QuickClause }>();

function quickClauses(def: TopicDefinition): { quickSubject: QuickClause; quickContext: QuickClause } {
  let q = quickCache.get(def);
  if (!q) {
    const known = QUICK_PIECES[def.id];
    q = {
      quickSubject: quickClause(() => quickClauseTerms(def).subject, { withPieces: true, known: known?.subject }),
      quickContext: quickClause(() => quickClauseTerms(def).context, { withPieces: false }),
    };
    quickCache.set(def, q);
  }
  return q;
}

/** The terms of the cheap check's two clauses: the subject (and its people), then the setting or a force. */
export function quickClauseTerms(def: TopicDefinition): { subject: string[]; context: string[] } {
  const all = (list: readonly TermGroup[]) => list.flatMap((g) => g.terms);
  return {
    subject: [...all(def.subject), ...def.people, ...def.quickSubject],
    context: [...all(def.setting), ...all(def.force), ...all(def.weakForce)],
  };
}

// Lazily, both: the context clause is needed only on the few pages that name the subject.
// The subject clause's pieces come worked out ahead (lib/topics/quick-pieces.ts) for the
// terms they were worked out from; any other terms get theirs here. The context clause has
// none: it is read only where the subject was named, when the text is folded and its
// surface made already, and working its pieces out (0.7 to 1 ms of cold script for its 74
// terms) cost more than the test of its terms' cores that they would spare.
function quickClause(termsOf: () => readonly string[], opts: { withPieces: boolean; known?: KnownPieces }): QuickClause {
  const { withPieces, known } = opts;
  let terms: readonly string[] | null = null;
  let pieces: readonly string[] | null | undefined;
  let cores: Record<CaseMode, readonly TermCore[]> | null = null;
  const regexes = new Map<CaseMode, RegExp | null>();
  /** The clause's terms of one case mode, as their regex reads them: in lower case, or as written without the "=". */
  const termsAsRead = (mode: CaseMode) =>
    (terms ??= termsOf()).filter((t) => isCaseSensitive(t) === (mode === 'cased')).map((t) => (mode === 'cased' ? caseless(t) : t.toLowerCase()));
  return {
    pieces: () => {
      if (pieces !== undefined) return pieces;
      if (!withPieces) return (pieces = null);
      terms ??= termsOf();
      pieces = known && known.termsHash === termsHash(terms) ? known.pieces : literalPieces(terms);
      return pieces;
    },
    cores: () => (cores ??= { caseless: termsAsRead('caseless').map(termCore), cased: termsAsRead('cased').map(termCore) }),
    regex: (mode) => {
      if (!regexes.has(mode)) regexes.set(mode, quickRegex(termsAsRead(mode)));
      return regexes.get(mode)!;
    },
  };
}

function compile(def: TopicDefinition): CompiledTopic {
  const groups: CompiledGroup[] = [];
  const add = (role: Role, list: readonly TermGroup[]) => {
    for (const g of list) groups.push(compileGroup(role, g.id, g.label, g.terms, g.except));
  };
  add('subject', def.subject);
  add('force', def.force);
  add('weakForce', def.weakForce);
  add('setting', def.setting);
  add('action', def.action);
  add('near', def.nearTopic);
  groups.push(compileGroup('people', 'people', 'people', def.people));
  for (const g of def.action) {
    if (def.peopleActions.includes(g.id)) groups.push(compileGroup('peopleAction', g.id, g.label, g.terms));
  }
  groups.push(compileGroup('owner', 'other-owners', 'other owners', def.otherOwners));
  return { groups: groups.filter((g) => g.regexes.length > 0) };
}

function compileGroup(
  role: Role,
  id: string,
  label: string,
  terms: readonly string[],
  except: readonly string[] = [],
): CompiledGroup {
  const exact = new Map<string, string>();
  for (const t of terms) if (!t.endsWith('*')) exact.set(normalizeSurface(caseless(t)), caseless(t));
  return {
    id,
    label,
    role,
    regexes: [
      termsRegex(terms.filter((t) => !isCaseSensitive(t)), 'giu'),
      termsRegex(terms.filter(isCaseSensitive).map(caseless), 'gu'),
    ].filter((r) => r.source !== NEVER.source),
    except: except.length > 0 ? termsRegex(except.map(caseless), 'giu') : null,
    display: (surface) => exact.get(normalizeSurface(surface)) ?? surface.toLowerCase(),
  };
}

/**
 * The cheap check's clause: non-global regexes, so `test` keeps no state. Without the `i`
 * flag: a case-insensitive Unicode regex with letter classes around a few dozen terms took
 * 5 to 9 ms to compile and first run (Node 20, cold), the same regex in lower case on
 * lowercased text about 1 ms, and every page that names "north" or "korea" pays that once.
 * Lowercasing is case folding for these terms (foldForPieces says the one exception).
 */
function quickRegex(terms: readonly string[]): RegExp | null {
  const r = termsRegex(terms, 'u');
  return r.source === NEVER.source ? null : r;
}

/** A term written "=The North" is matched with its case as written. */
const isCaseSensitive = (term: string) => term.startsWith('=');
const caseless = (term: string) => (isCaseSensitive(term) ? term.slice(1) : term);

const NEVER = /(?!)/;

/** One regex for a list of terms, longest first so "North Koreans" wins over "North Korea". */
function termsRegex(terms: readonly string[], flags: string): RegExp {
  if (terms.length === 0) return new RegExp(NEVER.source, flags);
  const sources = [...terms].sort((a, b) => b.length - a.length).map(termSource);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sources.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

function termSource(term: string): string {
  const stem = term.endsWith('*');
  const words = (stem ? term.slice(0, -1) : term).trim().split(/\s+/);
  const source = words
    .map((w) =>
      w
        .split('-')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, '[\'’]'))
        .join('[\\s\\u00a0-]?'),
    )
    .join('[\\s\\u00a0-]+');
  return stem ? `${source}[\\p{L}\\p{N}]*` : source;
}

function normalizeSurface(s: string): string {
  return s.toLowerCase().replace(/[’]/g, "'").replace(/[\s\u00a0-]+/g, ' ').trim();
}

/** Runs every group over the whole text once and files each match under its sentence. */
function placeMatches(text: string, sentences: Sentence[], facts: SentenceFacts[], c: CompiledTopic): void {
  if (sentences.length === 0) return;
  for (const group of c.groups) {
    const excepted = group.except ? spans(group.except, text) : [];
    for (const regex of group.regexes) {
      regex.lastIndex = 0;
      let s = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        while (s < sentences.length - 1 && sentences[s]!.end <= m.index) s++;
        const sentence = sentences[s]!;
        if (m.index < sentence.start || m.index >= sentence.end) continue;
        const match = { start: m.index, end: m.index + m[0].length, group, term: group.display(m[0]) };
        if (excepted.some((x) => overlaps(x, match))) continue;
        facts[s]![group.role].push(match);
      }
    }
  }
  // A force word inside a subject's name ("Army" in "Korean People's Army") is part of the name.
  for (const f of facts) {
    if (f.subject.length === 0) continue;
    const outside = (x: Match) => !f.subject.some((s) => overlaps(s, x));
    f.force = f.force.filter(outside);
    f.weakForce = f.weakForce.filter(outside);
  }
}

function spans(regex: RegExp, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

// ---------------------------------------------------------------------------------------
// Co-occurrence

const COORDINATION = /^\s*(?:and|or|&|,|\/)\s*$/i;
const LINK_AFTER_FORCE = /(?<![\p{L}])(?:from|of|by|belonging to|loyal to)(?![\p{L}])/iu;

type Bond = 'strong' | 'weak' | null;

/**
 * Whether the sentence binds a subject to a force (its own troops, not someone else's):
 * 'strong' with a force noun, 'weak' with a noun that needs an action word nearby.
 */
function bondOf(text: string, sentences: Sentence[], facts: SentenceFacts[], i: number): Bond {
  const f = facts[i]!;
  if (f.people.length > 0 && f.peopleAction.length > 0) return 'strong';
  if (f.force.some((force) => bindsSubject(text, f, force))) return 'strong';
  if (pronounBinds(text, sentences, facts, i, f.force)) return 'strong';
  if (f.weakForce.some((force) => bindsSubject(text, f, force))) return 'weak';
  if (pronounBinds(text, sentences, facts, i, f.weakForce)) return 'weak';
  return null;
}

function bindsSubject(text: string, f: SentenceFacts, force: Match): boolean {
  for (const subject of f.subject) {
    if (overlaps(subject, force)) continue;
    if (subject.end <= force.start) {
      if (wordsBetween(text, subject.end, force.start) > BOND_MAX_GAP_WORDS) continue;
      if (ownerBetween(text, f.owner, subject, force)) continue;
      return true;
    }
    if (force.end <= subject.start) {
      const between = text.slice(force.end, subject.start);
      if (wordsIn(between) > BOND_MAX_GAP_AFTER_WORDS || !LINK_AFTER_FORCE.test(between)) continue;
      if (f.owner.some((o) => o.start >= force.end && o.end <= subject.start)) continue;
      if (ownedBefore(text, f.owner, force)) continue;
      return true;
    }
  }
  return false;
}

const POSSESSIVE_BEFORE = /(?<![\p{L}])(?:its|his|their)\s+(?:[\p{L}\p{N},.-]+\s+){0,2}$/iu;

/**
 * "Pyongyang has kept quiet. Its soldiers are …": a force owned by a possessive pronoun
 * whose nearest preceding name, in this sentence or the previous one of the same
 * paragraph, is the subject.
 */
function pronounBinds(text: string, sentences: Sentence[], facts: SentenceFacts[], i: number, forces: Match[]): boolean {
  for (const force of forces) {
    const before = text.slice(Math.max(sentences[i]!.start, force.start - 40), force.start);
    if (!POSSESSIVE_BEFORE.test(before)) continue;
    const names = (k: number) => [...facts[k]!.subject, ...facts[k]!.owner].filter((m) => m.end <= force.start);
    let candidates = names(i);
    const prev = sentences[i - 1];
    if (candidates.length === 0 && prev && prev.paragraph === sentences[i]!.paragraph) candidates = names(i - 1);
    const nearest = candidates.reduce<Match | null>((a, m) => (!a || m.end > a.end ? m : a), null);
    if (nearest && nearest.group.role === 'subject') return true;
  }
  return false;
}

/**
 * Between the subject and the force, someone else's name claims the force ("North Korea
 * … American troops"), unless it is coordinated with the subject ("North Korean and
 * Russian troops"). A name further from the force is an object, not an owner ("Kim
 * vows to support Russia as his troops fight").
 */
function ownerBetween(text: string, owners: Match[], subject: Match, force: Match): boolean {
  return owners.some(
    (o) =>
      o.start >= subject.end &&
      o.end <= force.start &&
      wordsBetween(text, o.end, force.start) <= OWNER_MAX_GAP_WORDS &&
      !COORDINATION.test(text.slice(subject.end, o.start)),
  );
}

/** The force noun is directly claimed by another name ("Russian troops from …"). */
function ownedBefore(text: string, owners: Match[], force: Match): boolean {
  return owners.some((o) => o.end <= force.start && wordsBetween(text, o.end, force.start) <= OWNER_MAX_GAP_WORDS);
}

/**
 * A term of the role stands in the sentence or within WINDOW_SENTENCES of it: in the same
 * paragraph, or, for the setting, in a neighbouring one when both sentences are prose. The
 * action a weak force needs stays within the paragraph: letting it cross raised a near-topic
 * story (a minister's visit to Pyongyang) from 0.135 to 0.316.
 */
function near(text: string, sentences: Sentence[], facts: SentenceFacts[], i: number, role: 'setting' | 'action'): boolean {
  const here = sentences[i]!;
  for (let j = i - WINDOW_SENTENCES; j <= i + WINDOW_SENTENCES; j++) {
    const s = sentences[j];
    if (s && facts[j]![role].length > 0 && (s.paragraph === here.paragraph || (role === 'setting' && isProse(text, here) && isProse(text, s)))) return true;
  }
  return false;
}

/**
 * A sentence long enough to be running prose. News sets a sentence or two per paragraph, so
 * two prose sentences in neighbouring paragraphs read as one passage; a short line (a menu
 * item, a teaser, a caption) stays on its own.
 */
function isProse(text: string, s: Sentence): boolean {
  return wordsBetween(text, s.start, s.end) >= PROSE_MIN_WORDS;
}

/**
 * Whether one of the lede's sentences is core. The lede is the first LEDE_SENTENCES sentences
 * of prose: a dateline, a widget or a repeated headline above them is not. A body with no
 * sentence that ends as prose (a list of lines, a text cut short) has its first lines as lede.
 */
function ledeStatesTopic(text: string, sentences: Sentence[], core: boolean[], bodyFrom: number): boolean {
  let seen = 0;
  for (let i = bodyFrom; i < sentences.length && seen < LEDE_SENTENCES; i++) {
    if (!endsSentence(text, sentences[i]!)) continue;
    seen++;
    if (core[i]) return true;
  }
  return seen === 0 && core.slice(bodyFrom, bodyFrom + LEDE_SENTENCES).some(Boolean);
}

/** A sentence that ends as prose does (a full stop, a question or exclamation mark, maybe inside a quotation). */
function endsSentence(text: string, s: Sentence): boolean {
  return /[.!?]["'\u201D\u2019)\]]*$/.test(text.slice(s.start, s.end).trimEnd());
}

function scoreTitle(titleFacts: SentenceFacts[], core: boolean[], bonded: boolean[]): number {
  const n = titleFacts.length;
  if (core.slice(0, n).some(Boolean)) return TITLE_CREDIT.core;
  if (bonded.slice(0, n).some(Boolean)) return TITLE_CREDIT.bond;
  const has = (role: keyof SentenceFacts) => titleFacts.some((f) => f[role].length > 0);
  const subject = has('subject') || has('people');
  if (subject && has('setting')) return TITLE_CREDIT.subjectSetting;
  if ((has('force') || has('weakForce')) && has('setting')) return TITLE_CREDIT.forceSetting;
  return 0;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

function wordsBetween(text: string, from: number, to: number): number {
  return wordsIn(text.slice(from, to));
}

function wordsIn(s: string): number {
  return s.match(/\S+/g)?.length ?? 0;
}

// ---------------------------------------------------------------------------------------
// Evidence

const ROLE_ORDER: Role[] = ['subject', 'people', 'force', 'weakForce', 'setting', 'action'];

/** Terms that fired, from the core sentences when there are any: subject first, then force, setting, action. */
function collectEvidence(facts: SentenceFacts[], core: boolean[]): string[] {
  const useCore = core.some(Boolean);
  const counts = new Map<Role, Map<string, number>>();
  for (let i = 0; i < facts.length; i++) {
    if (useCore && !core[i]) continue;
    for (const role of ROLE_ORDER) {
      const byTerm = counts.get(role) ?? new Map<string, number>();
      for (const m of facts[i]![role]) byTerm.set(m.term, (byTerm.get(m.term) ?? 0) + 1);
      counts.set(role, byTerm);
    }
  }
  const evidence: string[] = [];
  const seen = new Set<string>();
  for (const role of ROLE_ORDER) {
    const byTerm = [...(counts.get(role) ?? [])].sort((a, b) => b[1] - a[1]).slice(0, MAX_EVIDENCE_PER_ROLE);
    for (const [term] of byTerm) {
      const key = term.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        evidence.push(term);
      }
    }
  }
  return evidence.slice(0, MAX_EVIDENCE);
}

function collectNearTopics(facts: SentenceFacts[]): string[] {
  const counts = new Map<string, number>();
  for (const f of facts) for (const m of f.near) counts.set(m.group.label, (counts.get(m.group.label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function roundSignals(s: TopicSignals): TopicSignals {
  return {
    title: round(s.title),
    lede: round(s.lede),
    count: round(s.count),
    focus: round(s.focus),
    density: round(s.density),
    nearTopic: round(s.nearTopic),
  };
}

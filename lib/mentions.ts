// Finds a topic pack's names in a sentence: one compiled regex per list of names, longest
// alias first, so "North Korean representative at the United Nations" is one mention and not
// three.

import { foldText } from './normalise';
import type { LexiconEntry } from './topics/types';

export interface Mention {
  /** Canonical id of the entry. */
  id: string;
  start: number;
  end: number;
}

export interface MentionFinder {
  /** Mentions in `text` (original) / `folded` (its foldText), in order, not overlapping. */
  find(text: string, folded?: string): Mention[];
}

function aliasPattern(alias: string): string {
  // A trailing "!" (case-sensitive aliases only): not when another capitalised word follows,
  // so "the North" is a name but "the North Atlantic" is not.
  const whole = alias.endsWith('!');
  if (whole) return `${aliasPattern(alias.slice(0, -1))}(?!\\s+\\p{Lu})`;
  const wildcard = alias.endsWith('*');
  const body = wildcard ? alias.slice(0, -1) : alias;
  let out = '';
  for (const ch of body) {
    if (ch === ' ') out += '[\\s-]+';
    else if (ch === '-') out += '[\\s-]?';
    else if (ch === "'") out += "'";
    else out += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return wildcard ? `${out}[\\p{L}]*` : out;
}

/**
 * The same name with its owner after "of": "north korea's mission to the un" is also "mission
 * of north korea to the un" ("the permanent mission of North Korea to the United Nations has
 * denied"), "russia's foreign ministry" also "foreign ministry of russia". Null when the alias
 * has no possessive.
 */
export function ofGenitive(alias: string): string | null {
  const at = alias.indexOf("'s ");
  if (at <= 0) return null;
  const owner = alias.slice(0, at);
  const [, head, tail] = /^(.*?)((?:\s+(?:to|at|in|for|on)\s+.*)?)$/.exec(alias.slice(at + 3))!;
  return head ? `${head} of ${owner}${tail}` : null;
}

/**
 * Compiles entries into a finder. Case-sensitive aliases (leading `=`) are matched on the
 * original text. With `ofGenitive`, each possessive alias is also found in its "of" form.
 */
export function compileLexicon(entries: readonly LexiconEntry[], opts: { ofGenitive?: boolean } = {}): MentionFinder {
  const folded: { pattern: string; id: string; len: number }[] = [];
  const exact: { pattern: string; id: string; len: number }[] = [];
  for (const e of entries) {
    for (const alias of e.aliases) {
      if (alias.startsWith('=')) {
        exact.push({ pattern: aliasPattern(alias.slice(1)), id: e.id, len: alias.length });
        continue;
      }
      const name = alias.toLowerCase();
      folded.push({ pattern: aliasPattern(name), id: e.id, len: name.length });
      const turned = opts.ofGenitive ? ofGenitive(name) : null;
      if (turned) folded.push({ pattern: aliasPattern(turned), id: e.id, len: turned.length });
    }
  }
  const build = (list: typeof folded) => {
    list.sort((a, b) => b.len - a.len);
    // Each alias is its own group so the matching entry is known from the group index.
    const source = list.map((a) => `(${a.pattern})`).join('|');
    return {
      re: list.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'gu') : null,
      ids: list.map((a) => a.id),
    };
  };
  const f = build(folded);
  const x = build(exact);

  const run = (re: RegExp | null, ids: string[], text: string, out: Mention[]) => {
    if (!re) return;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let group = 1;
      while (group < m.length && m[group] === undefined) group++;
      const id = ids[group - 1];
      if (id !== undefined) out.push({ id, start: m.index, end: m.index + m[0].length });
    }
  };

  return {
    find(text: string, foldedText?: string): Mention[] {
      const all: Mention[] = [];
      run(f.re, f.ids, foldedText ?? foldText(text), all);
      run(x.re, x.ids, text, all);
      all.sort((a, b) => a.start - b.start || b.end - a.end);
      const out: Mention[] = [];
      for (const m of all) {
        const last = out[out.length - 1];
        if (last && m.start < last.end) continue;
        out.push(m);
      }
      return out;
    },
  };
}

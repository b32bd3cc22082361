/**
 * Finds actors in text: a trie of the knowledge base's surface forms,
 * matched token by token (longest match wins), resolved by the document's
 * date. Possessives ("Pakistan's", "the US'"), hyphenated dyads
 * ("US-Taliban", "Sino-Pak", "Afghan-Pakistani") and "anti-"/"pro-"
 * compounds are recognised. Written by hand because it must run over all
 * text before any tagging (the cheap pass that decides which sentences the
 * tagger sees), and no library matches a date-scoped gazetteer.
 */
import type { KnowledgeBase, SurfaceForm } from '../knowledge/actors.js';
import { pointInTime, withinWindow } from '../knowledge/actors.js';

export interface FoundMention {
  start: number;
  end: number;
  surface: string;
  actor: string;
  sector: string | null;
  via: SurfaceForm['kind'];
  person: string | null;
  /** "Pakistan's", "Taliban’s", "US'". */
  possessive: boolean;
  /** Joined to the next token by a hyphen ("US-" in "US-Taliban"). */
  hyphenAfter: boolean;
  /** Joined to the previous token by a hyphen. */
  hyphenBefore: boolean;
  /** "anti-Pakistani", "pro-Taliban". */
  stance: 'anti' | 'pro' | null;
}

/** A name the base knows but that acts for no one at this date (a person out of office). */
export interface IdleMention {
  start: number;
  end: number;
  surface: string;
  person: string | null;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  forms: SurfaceForm[];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

// Abbreviations with dots ("U.S.", "U.K."), then words; apostrophes inside
// words ("O'Neill") stay, possessive endings are split off later.
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;

export class MentionFinder {
  private readonly root: TrieNode = { next: new Map(), forms: [] };

  constructor(kb: KnowledgeBase) {
    for (const form of kb.forms) {
      const tokens = keys(form.text, tokenize(form.text));
      if (tokens.length === 0) continue;
      let node = this.root;
      for (const t of tokens) {
        let child = node.next.get(t);
        if (!child) {
          child = { next: new Map(), forms: [] };
          node.next.set(t, child);
        }
        node = child;
      }
      node.forms.push(form);
    }
  }

  /** Every actor mention in `text`, resolved at `date` (the document's). */
  find(text: string, date: string | null): { mentions: FoundMention[]; idle: IdleMention[] } {
    const day = pointInTime(date);
    const tokens = tokenize(text);
    const mentions: FoundMention[] = [];
    const idle: IdleMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const match = this.longestMatch(tokens, i, text);
      if (!match) {
        i++;
        continue;
      }
      const first = tokens[i] as Token;
      const last = tokens[match.length + i - 1] as Token;
      const hyphenAfter = text[last.end] === '-' && /[\p{L}]/u.test(text[last.end + 1] ?? '');
      const hyphenBefore =
        text[first.start - 1] === '-' && /[\p{L}\p{N}]/u.test(text[first.start - 2] ?? '');
      // A hyphen prefix ("Sino", "Pak") only names an actor inside a dyad.
      const usable = match.forms.filter(
        (f) => f.kind !== 'ignore' && (f.kind !== 'prefix' || hyphenAfter || hyphenBefore),
      );
      const current = usable.filter((f) => withinWindow(day, f.from, f.to));
      const actors = new Set(current.map((f) => f.actor));
      const end = match.possessive ? last.end - 2 : last.end;
      const surface = text.slice(first.start, end);
      if (actors.size === 1) {
        const form = preferred(current);
        const after = text.slice(end, end + 3);
        const before = text.slice(Math.max(0, first.start - 5), first.start).toLowerCase();
        mentions.push({
          start: first.start,
          end: end,
          surface,
          actor: form.actor,
          sector: form.sector,
          via: form.kind,
          person: form.person,
          possessive: /^['’]s\b/.test(after) || /^['’](?![\p{L}])/u.test(after) || match.possessive,
          hyphenAfter,
          hyphenBefore,
          stance: /anti-$/.test(before) ? 'anti' : /pro-$/.test(before) ? 'pro' : null,
        });
      } else if (actors.size === 0 && usable.some((f) => f.kind === 'person')) {
        idle.push({ start: first.start, end, surface, person: usable[0]?.person ?? null });
      }
      i += match.length;
    }
    return { mentions, idle };
  }

  private longestMatch(
    tokens: Token[],
    at: number,
    text: string,
  ): { length: number; forms: SurfaceForm[]; possessive: boolean } | undefined {
    let node = this.root;
    let best: { length: number; forms: SurfaceForm[]; possessive: boolean } | undefined;
    for (let k = at; k < tokens.length; k++) {
      const token = tokens[k] as Token;
      const gap = k > at ? joiner(text, tokens[k - 1] as Token, token) : '';
      if (gap === null) break;
      const { base, possessive } = splitPossessive(token.text);
      const exact = node.next.get(gap + token.text);
      const child = exact ?? (possessive ? node.next.get(gap + base) : undefined);
      if (!child) break;
      node = child;
      if (node.forms.length > 0)
        best = { length: k - at + 1, forms: node.forms, possessive: !exact && possessive };
      if (!exact) break; // a possessive ends the name
    }
    return best;
  }
}

/** The most specific form wins: an institution or person over a bare alias. */
function preferred(forms: SurfaceForm[]): SurfaceForm {
  const rank: Record<SurfaceForm['kind'], number> = {
    person: 0,
    institution: 1,
    metonym: 2,
    ignore: 6,
    coreference: 7,
    alias: 3,
    demonym: 4,
    prefix: 5,
  };
  return [...forms].sort((a, b) => rank[a.kind] - rank[b.kind])[0] as SurfaceForm;
}

function splitPossessive(token: string): { base: string; possessive: boolean } {
  const m = /^(.+?)['’]s$/.exec(token);
  return m ? { base: m[1] as string, possessive: true } : { base: token, possessive: false };
}

/**
 * What joins two tokens of a multiword name: a space or a hyphen (null for
 * anything else). The joiner is part of the trie key, so "Pakistan-Taliban"
 * (a dyad) never matches the name "Pakistan Taliban".
 */
function joiner(text: string, a: Token, b: Token): string | null {
  const gap = text.slice(a.end, b.start);
  if (gap === ' ' || gap === '\u00a0') return ' ';
  if (gap === '-') return '-';
  return null;
}

/** Trie keys of a surface form: each token with the joiner before it. */
function keys(text: string, tokens: Token[]): string[] {
  return tokens.map((t, i) =>
    i === 0 ? t.text : `${joiner(text, tokens[i - 1] as Token, t) ?? '?'}${t.text}`,
  );
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN))
    tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/**
 * Page furniture (share prompts, disclaimers, comment forms, bios, ads…)
 * is recognised by rules kept as data in data/patterns/boilerplate.json,
 * plus two general mechanisms that need no rule: lines repeated across the
 * entries of one page, and a bio that opens with the entry's own author.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../config/paths.js';
import { InvalidDataError } from '../domain/errors.js';
import { normaliseForMatch } from './markup.js';

const RuleSchema = z.object({
  id: z.string().min(1),
  category: z.string().min(1),
  scope: z.enum(['line', 'footer']),
  pattern: z.string().min(1),
  flags: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
});

const RuleFileSchema = z.object({
  minFooterShare: z.number().min(0).max(1),
  rules: z.array(RuleSchema),
});

export interface BoilerplateRule {
  id: string;
  category: string;
  scope: 'line' | 'footer';
  regex: RegExp;
  maxLength: number;
}

export interface BoilerplateRules {
  minFooterShare: number;
  rules: BoilerplateRule[];
}

export const DEFAULT_RULES_FILE = path.join(DATA_DIR, 'patterns', 'boilerplate.json');

let cached: BoilerplateRules | undefined;

/** The bundled rules, loaded and checked once. */
export function defaultBoilerplateRules(): BoilerplateRules {
  cached ??= loadBoilerplateRules(DEFAULT_RULES_FILE);
  return cached;
}

export function loadBoilerplateRules(file: string): BoilerplateRules {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InvalidDataError(`${file}: cannot read rules: ${(error as Error).message}`);
  }
  const parsed = RuleFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidDataError(
      `${file}: field ${issue?.path.join('.') || '(root)'}: ${issue?.message}`,
    );
  }
  const rules = parsed.data.rules.map((rule, i) => {
    let regex: RegExp;
    try {
      regex = new RegExp(rule.pattern, rule.flags ?? 'iu');
    } catch (error) {
      throw new InvalidDataError(
        `${file}: field rules.${i}.pattern (${rule.id}): ${(error as Error).message}`,
      );
    }
    return {
      id: rule.id,
      category: rule.category,
      scope: rule.scope,
      regex,
      maxLength: rule.maxLength ?? Infinity,
    };
  });
  return { minFooterShare: parsed.data.minFooterShare, rules };
}

/** The first rule a line's plain text matches, if any. */
export function matchRule(plain: string, rules: BoilerplateRules): BoilerplateRule | undefined {
  const text = normaliseForMatch(plain);
  if (text === '') return undefined;
  for (const rule of rules.rules) {
    if (text.length > rule.maxLength) continue;
    if (rule.regex.test(text)) return rule;
  }
  return undefined;
}

/** "Jane Roe is a senior fellow…": a bio that opens with the author's name. */
export function isAuthorBio(plain: string, author: string | null): boolean {
  if (!author) return false;
  const text = normaliseForMatch(plain);
  const name = normaliseForMatch(author);
  if (name.length < 3 || !text.startsWith(name)) return false;
  return (
    /^\s*(?:is|was|has been|serves as|writes|covers|,)\b/i.test(text.slice(name.length)) &&
    text.length < 800
  );
}

/** Key under which repeated lines are compared. */
export function repetitionKey(plain: string): string {
  return normaliseForMatch(plain).toLowerCase();
}

/**
 * Scenario files: the network a scenario starts from (a date or window of
 * the evidence), the shocks (its "ifs"), the model options, and the
 * realignments the source article argues for, to compare with what the
 * model predicts. YAML, checked by a schema; a malformed file is reported
 * as `file:line: field path: message` and nothing is run.
 */
import { z } from 'zod';
import { loadYamlFile } from '../knowledge/load-yaml.js';
import { MODELS, type EngineOptions } from './engine.js';
import type { Shock } from './shocks.js';

const DateText = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .pipe(
    z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
      .refine((d) => {
        const [y, m = 1, day = 1] = d.split('-').map(Number) as [number, number?, number?];
        const t = new Date(Date.UTC(y, m - 1, day));
        return t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
      }, 'not a calendar date'),
  );

function actorId(known: ReadonlySet<string>) {
  return z
    .string({ error: 'an actor id such as USA or TAL' })
    .min(1)
    .refine((id) => known.has(id), {
      error: (issue) => `unknown actor "${String(issue.input)}" (not in the knowledge base)`,
    });
}

const number = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what}: a number from ${min} to ${max}` })
    .min(min, `${what}: at least ${min}`)
    .max(max, `${what}: at most ${max}`);

/** The schema, given the actor ids a scenario may name. */
export function scenarioSchema(known: ReadonlySet<string>) {
  const actor = actorId(known);
  const pair = z.tuple([actor, actor], { error: 'a pair of two actor ids, as [USA, TAL]' });
  const shock = z.discriminatedUnion(
    'type',
    [
      z.strictObject({ type: z.literal('set'), pair, value: number('value', -1, 1) }),
      z.strictObject({ type: z.literal('shift'), pair, by: number('by', -2, 2) }),
      z.strictObject({
        type: z.literal('add-actor'),
        actor,
        relations: z
          .array(z.strictObject({ with: actor, value: number('value', -1, 1) }))
          .default([]),
      }),
      z.strictObject({ type: z.literal('remove-actor'), actor }),
      z.strictObject({ type: z.literal('weaken'), actor, factor: number('factor', 0, 1) }),
    ],
    { error: 'type: one of set, shift, add-actor, remove-actor, weaken' },
  );
  const claim = z.string().max(2000).optional();
  const expectation = z.union([
    z.strictObject({ pair, sign: z.enum(['positive', 'negative']), claim }),
    z.strictObject({ together: z.array(actor).min(2), claim }),
    z.strictObject({
      apart: z.tuple([z.array(actor).min(1), z.array(actor).min(1)]),
      claim,
    }),
  ]);
  return z.strictObject({
    name: z.string().min(1).max(200),
    description: z.string().max(5000).optional(),
    argued_by: z
      .strictObject({
        title: z.string().min(1),
        author: z.string().optional(),
        date: DateText.optional(),
        document: z.string().optional(),
      })
      .optional(),
    base: z
      .strictObject({
        at: DateText.optional(),
        from: DateText.optional(),
        to: DateText.optional(),
        known_at: DateText.optional(),
        layer: z.enum(['observed', 'expected', 'merged']).optional(),
      })
      .refine((b) => b.at !== undefined || b.to !== undefined, 'give `at` or `to`')
      .refine((b) => b.at === undefined || (b.from === undefined && b.to === undefined), {
        error: 'give `at` or `from`/`to`, not both',
      }),
    shocks: z.array(shock).min(1, 'at least one shock'),
    options: z
      .strictObject({
        model: z.enum(MODELS as [string, ...string[]]).optional(),
        runs: z.number().int().min(1).max(100_000).optional(),
        seed: z.number().int().optional(),
        inertia: number('inertia', 0, 100).optional(),
        uncertainty: number('uncertainty', 0, 10).optional(),
        p: number('p', 0, 1).optional(),
        rule: z.enum(['constrained', 'local']).optional(),
      })
      .default({}),
    expect: z.array(expectation).default([]),
  });
}

export type ScenarioFile = z.infer<ReturnType<typeof scenarioSchema>>;

export type Expectation =
  | {
      readonly kind: 'sign';
      readonly pair: [string, string];
      readonly sign: 1 | -1;
      readonly claim?: string;
    }
  | { readonly kind: 'together'; readonly actors: string[]; readonly claim?: string }
  | { readonly kind: 'apart'; readonly groups: [string[], string[]]; readonly claim?: string };

export interface Scenario {
  readonly name: string;
  readonly description?: string;
  readonly arguedBy?: ScenarioFile['argued_by'];
  readonly base: {
    readonly at?: string;
    readonly from?: string;
    readonly to?: string;
    readonly knownAt?: string;
    readonly layer?: 'observed' | 'expected' | 'merged';
  };
  readonly shocks: readonly Shock[];
  readonly options: EngineOptions;
  readonly expect: readonly Expectation[];
  /** The file it was read from, if any. */
  readonly file?: string;
}

/** Reads and checks a scenario file against the known actor ids. */
export function loadScenario(file: string, known: ReadonlySet<string>): Scenario {
  return toScenario(loadYamlFile(file, scenarioSchema(known)), file);
}

export function toScenario(data: ScenarioFile, file?: string): Scenario {
  return {
    name: data.name,
    ...(data.description !== undefined && { description: data.description }),
    ...(data.argued_by !== undefined && { arguedBy: data.argued_by }),
    base: {
      ...(data.base.at !== undefined && { at: data.base.at }),
      ...(data.base.from !== undefined && { from: data.base.from }),
      ...(data.base.to !== undefined && { to: data.base.to }),
      ...(data.base.known_at !== undefined && { knownAt: data.base.known_at }),
      ...(data.base.layer !== undefined && { layer: data.base.layer }),
    },
    shocks: data.shocks.map((s): Shock => {
      switch (s.type) {
        case 'set':
          return { type: 'set', pair: s.pair, value: s.value };
        case 'shift':
          return { type: 'shift', pair: s.pair, by: s.by };
        case 'add-actor':
          return { type: 'add-actor', actor: s.actor, relations: s.relations };
        case 'remove-actor':
          return { type: 'remove-actor', actor: s.actor };
        case 'weaken':
          return { type: 'weaken', actor: s.actor, factor: s.factor };
      }
    }),
    options: data.options as EngineOptions,
    expect: data.expect.map((e): Expectation => {
      const claim = e.claim !== undefined ? { claim: e.claim } : {};
      if ('sign' in e)
        return { kind: 'sign', pair: e.pair, sign: e.sign === 'positive' ? 1 : -1, ...claim };
      if ('together' in e) return { kind: 'together', actors: e.together, ...claim };
      return { kind: 'apart', groups: e.apart, ...claim };
    }),
    ...(file !== undefined && { file }),
  };
}

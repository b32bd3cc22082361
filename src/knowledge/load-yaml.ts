/**
 * Reads a YAML data file and checks it against a zod schema; a problem is
 * reported with the file, line and field (`actors.yaml:41: actors.3.type: …`)
 * so an analyst editing the file can find it.
 */
import { readFileSync } from 'node:fs';
import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { InvalidDataError } from '../domain/errors.js';

export function loadYamlFile<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidDataError(`${file}: cannot read: ${(error as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? '?';
    throw new InvalidDataError(`${file}:${line}: YAML syntax: ${syntax.message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const fieldPath = (issue?.path ?? []) as (string | number)[];
  // Walk up the path to the nearest node that exists, for its line number.
  let line: number | undefined;
  for (let depth = fieldPath.length; depth >= 0 && line === undefined; depth--) {
    const node = doc.getIn(fieldPath.slice(0, depth), true);
    if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  const field = fieldPath.length > 0 ? fieldPath.join('.') : '(top level)';
  throw new InvalidDataError(
    `${file}:${line ?? '?'}: field ${field}: ${issue?.message ?? 'invalid'}`,
  );
}

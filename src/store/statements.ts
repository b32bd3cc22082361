/**
 * Prepared statements kept per connection: preparing is a large share of
 * a small write, and the stores run the same few statements many times.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }
}

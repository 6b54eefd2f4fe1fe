import { readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { SQLITE_MIGRATIONS_DIR } from '../../stores/sqlite/migrate.js';
import { sqliteSchemaSnapshot } from '../../stores/sqlite/schema-snapshot.js';
import { EXIT, UsageError, type Command } from '../io.js';

/**
 * Refuse to write a snapshot inside `node_modules`: it belongs to fleet-runtime's own source, and in
 * an app rewriting it would change an installed package behind the package manager's back.
 */
export function assertOwnSnapshot(file: string): void {
  if (file.split(sep).includes('node_modules')) {
    throw new UsageError(
      `schema --write regenerates fleet-runtime's own committed snapshot and is for working on fleet-runtime itself; here it would rewrite ${file} inside node_modules. Use \`schema --check\` to verify an installed package.`,
    );
  }
}

/** `schema --check|--write`: the committed SQLite schema snapshot against the migrations. */
export const schemaCommand: Command = {
  usage: 'fleet-runtime schema --check | --write',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { check: { type: 'boolean' }, write: { type: 'boolean' } } });
    if (values.check === values.write) throw new UsageError('schema needs exactly one of --check and --write.');
    const file = join(SQLITE_MIGRATIONS_DIR, 'schema.sql');
    const snapshot = await sqliteSchemaSnapshot();
    if (values.write === true) {
      assertOwnSnapshot(file);
      writeFileSync(file, snapshot);
      io.out(`Wrote ${file}.`);
      return EXIT.ok;
    }
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      committed = '';
    }
    if (committed === snapshot) return EXIT.ok;
    io.err(`${file} does not match the migrations; run \`fleet-runtime schema --write\` and commit the result.`);
    return EXIT.failed;
  },
};

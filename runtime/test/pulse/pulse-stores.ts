import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store.js';
import { createSqliteStore } from '../../src/stores/sqlite/index.js';
import { dropSchema, freshSchema, openTestStore } from '../pg-helpers.js';

/**
 * Two stores on one database, as two serverless instances each open their own: two SQLite store
 * objects on one file, two PostgreSQL pools on one schema.
 */
export interface StorePair {
  name: string;
  open: () => Promise<{ a: Store; b: Store; dispose: () => Promise<void> }>;
}

export const storePairs: StorePair[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'fleet-pulse-'));
      const a = await createSqliteStore({ path: join(dir, 'fleet.db') });
      await a.migrate();
      const b = await createSqliteStore({ path: join(dir, 'fleet.db') });
      return {
        a,
        b,
        async dispose() {
          await a.close();
          await b.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    async open() {
      const schema = freshSchema('pulse');
      const a = await openTestStore(schema);
      const b = await openTestStore(schema);
      return {
        a,
        b,
        async dispose() {
          await a.close();
          await b.close();
          await dropSchema(schema);
        },
      };
    },
  },
];

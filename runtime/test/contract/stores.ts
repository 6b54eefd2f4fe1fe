import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/store.js';
import { createSqliteStore } from '../../src/stores/sqlite/index.js';

/**
 * A backend the contract suite runs against. `open` returns a fresh, migrated, EMPTY store that no
 * other test uses; `dispose` closes it and removes what `open` created.
 */
export interface StoreFactory {
  name: string;
  open: () => Promise<{ store: Store; dispose: () => Promise<void> }>;
}

const sqliteFactory: StoreFactory = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-contract-'));
    const store = await createSqliteStore({ path: join(dir, 'fleet.db') });
    await store.migrate();
    return {
      store,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

// The PostgreSQL helper's factory lives in its own file (`postgres-store-factory.ts`, exporting
// `postgresStoreFactory`) so the two backends never edit the same file; it is picked up when present.
const postgresFile = new URL('./postgres-store-factory.ts', import.meta.url);
const postgresModule = './postgres-store-factory.js';
const extra: StoreFactory[] = existsSync(postgresFile)
  ? [((await import(postgresModule)) as { postgresStoreFactory: StoreFactory }).postgresStoreFactory]
  : [];

/** Every backend the contract suite must hold to the `Store` guarantees. */
export const storeFactories: StoreFactory[] = [sqliteFactory, ...extra];

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/stores/sqlite/index.js';
import { readMigrations, SQLITE_MIGRATIONS_DIR } from '../../src/stores/sqlite/migrate.js';
import { sqliteSchemaSnapshot } from '../../src/stores/sqlite/schema-snapshot.js';

describe('SQLite migrations', () => {
  it('match the committed schema snapshot (regenerate: fleet-runtime schema --write)', async () => {
    expect(await sqliteSchemaSnapshot()).toBe(readFileSync(join(SQLITE_MIGRATIONS_DIR, 'schema.sql'), 'utf8'));
  });

  it('are numbered without gaps', () => {
    expect(readMigrations(SQLITE_MIGRATIONS_DIR).map((migration) => migration.version)).toEqual([1, 2, 3]);
    const dir = mkdtempSync(join(tmpdir(), 'fleet-mig-'));
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0003_c.sql'), 'SELECT 1;');
    expect(() => readMigrations(dir)).toThrow(`fleet-runtime: migration 0003_c.sql in ${dir} should be number 2;`);
    rmSync(dir, { recursive: true });
  });

  it('apply once, even when several stores migrate the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-mig-'));
    const path = join(dir, 'nested', 'fleet.db');
    const stores = await Promise.all([1, 2, 3].map(() => createSqliteStore({ path, createDirectory: true })));
    await Promise.all(stores.map((store) => store.migrate()));
    await stores[0]?.migrate();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path);
    expect(db.prepare('SELECT version, name FROM fleet_migrations').all()).toEqual([
      { version: 1, name: '0001_init.sql' },
      { version: 2, name: '0002_fewer_index_writes.sql' },
      { version: 3, name: '0003_events_by_task_seq.sql' },
    ]);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    db.close();
    await Promise.all(stores.map((store) => store.close()));
    rmSync(dir, { recursive: true });
  });

  it('refuse a database newer than this version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleet-mig-'));
    const path = join(dir, 'fleet.db');
    const store = await createSqliteStore({ path });
    await store.migrate();
    await store.close();
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path);
    db.prepare('INSERT INTO fleet_migrations VALUES (4, ?, 0)').run('0004_future.sql');
    db.close();
    const again = await createSqliteStore({ path });
    await expect(again.migrate()).rejects.toThrow(
      `the database ${path} has schema version 4 but this fleet-runtime knows only 3; upgrade fleet-runtime`,
    );
    await again.close();
    mkdirSync(dir, { recursive: true });
    rmSync(dir, { recursive: true });
  });
});

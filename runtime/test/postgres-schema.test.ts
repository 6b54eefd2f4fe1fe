import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS_DIR } from '../src/stores/postgres/migrate.js';
import { postgresSchemaSnapshot } from '../src/stores/postgres/schema-snapshot.js';
import { requirePostgres, TEST_POSTGRES_URL } from './pg-helpers.js';

const file = join(POSTGRES_MIGRATIONS_DIR, 'schema.sql');

describe('PostgreSQL migrations', () => {
  it('match the committed schema snapshot (regenerate with FLEET_WRITE_SCHEMA=1)', async () => {
    await requirePostgres();
    const snapshot = await postgresSchemaSnapshot(TEST_POSTGRES_URL);
    if (process.env.FLEET_WRITE_SCHEMA === '1') writeFileSync(file, snapshot);
    expect(snapshot).toContain('TABLE fleet_tasks');
    expect(snapshot).toBe(readFileSync(file, 'utf8'));
  });
});

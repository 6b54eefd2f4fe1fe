import pg from 'pg';

/**
 * Drop and recreate `name` on the server of `url`, so each system starts from an empty database
 * (no leftover tables, indexes or dead tuples from another system's run). Returns its URL.
 */
export async function freshDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Drop a benchmark database. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Server facts to print next to the results (version, durability settings). */
export async function serverFacts(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const facts: Record<string, string> = {};
    for (const setting of ['server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_connections']) {
      const { rows } = await client.query<Record<string, string>>(`SHOW ${setting}`);
      facts[setting] = String(Object.values(rows[0] ?? {})[0]);
    }
    return facts;
  } finally {
    await client.end();
  }
}

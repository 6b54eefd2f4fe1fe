import type { EnqueueResult, NewTask } from '../../store.js';
import type { PostgresDb, Queryable } from './postgres-db.js';

// One statement for the whole batch: the rows travel as one JSON array read by json_to_recordset,
// so 1 or 1 000 tasks cost one round trip and one commit. One JSON.stringify of the batch (payloads
// as JSON text, run_at as UTC text, see `timestampText`) replaces ten parallel PostgreSQL arrays, whose text
// form `pg` builds element by element with a regex escape of every string (payloads were JSON text
// escaped again): issue 11, about a third of the Node.js CPU of a bulk enqueue. Short keys keep the
// text small; the column list below names them. ON CONFLICT without a target absorbs both a
// `(name, key)` duplicate (idempotency) and an `id` duplicate (our own retry after a lost reply).
// A conflicting insert by a concurrent transaction waits for it, so two racing enqueues of one key
// never both create a task. The NOTIFY runs once per statement, and only if something became ready.
// No `enqueued` event row is written: `events` derives it from the task row (issue 11: a third of
// the WAL of a bulk enqueue, 760 → 496 bytes per task).
//
// A batch without keys, outside a caller's transaction, first goes as a plain INSERT (`plain`): ON
// CONFLICT makes every row a speculative insertion (a probe of each unique index before the heap
// write, then a confirmation record), which only pays off when a conflict is possible. Without keys
// the one possible conflict is our own id after a lost reply; the plain statement then fails as a
// whole with a unique violation and the batch is sent again through ON CONFLICT, which reads the
// committed rows back as ours. A plain insert that succeeds inserted every row, so it returns a
// count instead of the ids.
const build = (plain: boolean) => (t: { tasks: string }) => `WITH input AS (
    SELECT * FROM ROWS FROM (json_to_recordset($1::json)
        AS (i text, n text, p text, k text, t text, pr int, r timestamptz, a int, l int, s text))
      WITH ORDINALITY AS i(id, name, payload, key, tenant, priority, run_at, max_attempts, max_lost_leases, schedule, ord)
  ), inserted AS (
    INSERT INTO ${t.tasks} (id, name, payload, state, key, tenant, priority, run_at, max_attempts, max_lost_leases, schedule)
    SELECT id, name, payload::jsonb, 'queued', key, tenant, priority, run_at, max_attempts, max_lost_leases, schedule FROM input ORDER BY ord${
      plain
        ? ''
        : `
    ON CONFLICT DO NOTHING`
    }
    RETURNING id, run_at
  ), woken AS (
    SELECT pg_notify($2, '') FROM inserted WHERE run_at <= now() LIMIT 1
  )
  ${plain ? 'SELECT count(*) AS created, (SELECT count(*) FROM woken) AS woken FROM inserted' : 'SELECT id, (SELECT count(*) FROM woken) AS woken FROM inserted'}`;

// One task without a key (a single `enqueue`, the latency path): the same plain insert with the
// columns as parameters, which skips parsing a JSON document and the set-returning function for one
// row (issue 11, seventh round: about 0.07 ms less per enqueue on this machine, on the path from an
// enqueue to its task's start, since the NOTIFY goes out when this commit does).
const buildOne = (t: { tasks: string }) => `WITH inserted AS (
    INSERT INTO ${t.tasks} (id, name, payload, state, tenant, priority, run_at, max_attempts, max_lost_leases, schedule)
    VALUES ($1, $2, $3::jsonb, 'queued', $4, $5, $6, $7, $8, $9)
    RETURNING run_at
  )
  SELECT pg_notify($10, '') FROM inserted WHERE run_at <= now()`;

// A conflict's existing row committed after our statement's snapshot, so it is read back by a new
// statement (READ COMMITTED takes a fresh snapshot per statement).
const buildExisting = (t: {
  tasks: string;
}) => `SELECT i.ord, t.id FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS i(id, name, key, ord)
  JOIN ${t.tasks} t ON (i.key IS NOT NULL AND t.name = i.name AND t.key = i.key) OR t.id = i.id
  ORDER BY i.ord, (t.id = i.id)`;

async function insertRows(
  db: PostgresDb,
  rows: readonly Row[],
  plain: boolean,
  client: Queryable | undefined,
): Promise<{ id: string }[] | 'all'> {
  // The JSON document of every row, built only for the statements that read it.
  const document = (): unknown[] => [JSON.stringify(rows), db.channel];
  if (plain) {
    try {
      const [one] = rows;
      if (rows.length === 1 && one !== undefined) {
        const { i, n, p, t, pr, r, a, l, s } = one;
        await db.query(db.statement('insert_tasks_one', buildOne), [i, n, p, t, pr, r, a, l, s, db.channel]);
      } else await db.query(db.statement('insert_tasks_plain', build(true)), document());
      return 'all';
    } catch (error) {
      if ((error as { code?: unknown }).code !== '23505') throw error;
    }
  }
  return db.query<{ id: string }>(db.statement('insert_tasks', build(false)), document(), client);
}

/** One task as the JSON document carries it (short keys; see `build`). */
interface Row {
  i: string;
  n: string;
  p: string;
  k: string | null;
  t: string | null;
  pr: number;
  r: string;
  a: number;
  l: number;
  s: string | null;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A Date as timestamptz text with millisecond precision. `toISOString` for years 1–9999; outside
 * them its `+010000-…` / `-000001-…` forms are not PostgreSQL input, so the year is written as
 * PostgreSQL reads it (`10000-…`, `0002-… BC` for year -1), as `pg` itself does for a Date parameter.
 */
function timestampText(date: Date): string {
  const year = date.getUTCFullYear();
  if (year >= 1 && year <= 9999) return date.toISOString();
  const rest = `-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}.${pad(date.getUTCMilliseconds(), 3)}Z`;
  return year >= 1 ? `${pad(year, 4)}${rest}` : `${pad(1 - year, 4)}${rest} BC`;
}

/** Insert tasks on `client` (a caller's transaction) or the pool; see `Store.enqueue`. */
export async function insertTasks(db: PostgresDb, tasks: readonly NewTask[], client?: Queryable): Promise<EnqueueResult[]> {
  if (tasks.length === 0) return [];
  const rows = tasks.map((task): Row => ({
    i: task.id,
    n: task.name,
    p: JSON.stringify(task.payload),
    k: task.key,
    t: task.tenant,
    pr: task.priority,
    r: timestampText(task.runAt),
    a: task.maxAttempts,
    l: task.maxLostLeases,
    s: task.schedule,
  }));
  const inserted = await insertRows(db, rows, client === undefined && tasks.every((task) => task.key === null), client);
  if (inserted === 'all') return tasks.map((task) => ({ id: task.id, created: true }));
  const created = new Set(inserted.map((row) => row.id));
  const results: (EnqueueResult | undefined)[] = tasks.map((task) => (created.has(task.id) ? { id: task.id, created: true } : undefined));
  const missingAt = tasks.flatMap((task, index) => (created.has(task.id) ? [] : [index]));
  const missing = missingAt.map((index) => tasks[index] as NewTask);
  if (missing.length === 0) return results as EnqueueResult[];
  const existing = await db.query<{ ord: string; id: string }>(
    db.statement('existing_tasks', buildExisting),
    [missing.map((task) => task.id), missing.map((task) => task.name), missing.map((task) => task.key)],
    client,
  );
  const byOrdinal = new Map<number, string>();
  // Rows come ordered so that a key match wins over an id match for the same input.
  for (const row of existing) if (!byOrdinal.has(Number(row.ord))) byOrdinal.set(Number(row.ord), row.id);
  missing.forEach((task, index) => {
    const id = byOrdinal.get(index + 1);
    if (id === undefined) {
      throw new Error(
        `fleet-runtime: enqueue of ${task.name} (key ${String(task.key)}) conflicted with a task this transaction cannot see; enqueue in a READ COMMITTED transaction or retry.`,
      );
    }
    // Our own id means our own row: an earlier try committed but its reply was lost (reconnect retry).
    results[missingAt[index] as number] = { id, created: id === task.id };
  });
  return results as EnqueueResult[];
}

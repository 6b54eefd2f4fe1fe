import { Writer } from './writer.js';

/**
 * `src/services/<id>.service.ts`: data access and side effects for one domain. Not a handler:
 * its un-awaited background refresher must not be reported by a handler-scoped rule.
 * @param {import('./random.js').Random} rnd
 * @param {import('./domain.js').Domain} d
 */
export function serviceFile(rnd, d) {
  const w = new Writer();
  const T = d.type;
  const u = d.utilIndex;
  w.line("import { db } from '../db.js';", "import { logger } from '../logger.js';", "import { NotFoundError } from '../errors.js';");
  w.line(`import { normalizeKey${u} } from '../utils/util${u}.js';`);
  w.line(`import { merge${T}, parse${T}, validate${T}, type ${T}, type ${T}Input } from '../models/${d.id}.model.js';`, '');
  w.line(`const TABLE = '${d.id}';`, '');
  w.line(`export async function list${T}(limit = 50, offset = 0): Promise<${T}[]> {`);
  w.line('  const rows = await db.query(`select * from ${TABLE} order by created_at desc limit $1 offset $2`, [limit, offset]);');
  w.line(`  return rows.map(parse${T});`, '}', '');
  w.line(`export async function get${T}(id: string): Promise<${T}> {`);
  w.line('  const [row] = await db.query(`select * from ${TABLE} where id = $1`, [id]);');
  w.line(`  if (!row) throw new NotFoundError(TABLE, id);`, `  return parse${T}(row);`, '}', '');
  w.line(`export async function create${T}(input: ${T}Input): Promise<${T}> {`);
  w.line(`  const errors = validate${T}(input);`, "  if (errors.length > 0) throw new Error(errors.join(', '));");
  w.line('  const [row] = await db.query(`insert into ${TABLE} (data) values ($1) returning *`, [JSON.stringify(input)]);');
  w.line(`  const created = parse${T}(row ?? {});`, `  logger.info('${d.id} created', { id: created.id });`, '  return created;', '}', '');
  w.line(`export async function update${T}(id: string, patch: Partial<${T}Input>): Promise<${T}> {`);
  w.line(`  const current = await get${T}(id);`, `  const next = merge${T}(current, patch);`);
  w.line('  await db.query(`update ${TABLE} set data = $2 where id = $1`, [id, JSON.stringify(next)]);', '  return next;', '}', '');
  w.line(`export async function delete${T}(id: string): Promise<boolean> {`);
  w.line('  const rows = await db.query(`delete from ${TABLE} where id = $1 returning id`, [id]);', '  return rows.length > 0;', '}', '');
  w.line(`export async function notify${T}(id: string): Promise<void> {`);
  w.line(`  const response = await fetch(\`https://hooks.example.com/${d.id}/\${encodeURIComponent(id)}\`, { method: 'POST' });`);
  w.line('  if (!response.ok) throw new Error(`webhook answered ${response.status}`);', '}', '');
  w.line(`export async function sync${T}ToCrm(item: ${T}): Promise<void> {`);
  w.line(`  const key = normalizeKey${u}(item.id);`);
  w.line("  await fetch('https://crm.example.com/api/records', { method: 'PUT', body: JSON.stringify({ key, item }) });", '}', '');
  w.line(`export async function reindex${T}(): Promise<number> {`, `  const items = await list${T}(1000);`);
  w.line("  await db.query('refresh materialized view concurrently ' + TABLE + '_search');", '  return items.length;', '}', '');
  if (rnd.chance(0.3)) {
    w.line(`/** Started once at boot, outside any request. */`, `export function start${T}Refresher(): ReturnType<typeof setInterval> {`);
    w.line(
      '  return setInterval(() => {',
      `    reindex${T}().catch((error: unknown) => logger.error('reindex failed', { error }));`,
      '  }, 60_000);',
      '}',
      '',
    );
  }
  const filters = d.fields.filter(([, t]) => t === 'string').slice(0, rnd.int(1, 6));
  w.line(`export function build${T}Filter(query: Record<string, string | undefined>): { sql: string; params: string[] } {`);
  w.line('  const clauses: string[] = [];', '  const params: string[] = [];');
  for (const [name] of filters) {
    w.line(
      `  if (query.${name} !== undefined) {`,
      `    params.push(query.${name});`,
      `    clauses.push(\`data->>'${name}' = $\${params.length}\`);`,
      '  }',
    );
  }
  w.line("  return { sql: clauses.length > 0 ? `where ${clauses.join(' and ')}` : '', params };", '}');
  return w;
}

/** Files every domain shares: database client, logger, errors, task specs, an auth wrapper. */
export function sharedFiles() {
  return {
    'src/db.ts': [
      "import { Pool } from 'pg';",
      '',
      'const pool = new Pool({ connectionString: process.env.DATABASE_URL });',
      '',
      'export const db = {',
      '  async query(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {',
      '    const result = await pool.query(sql, params);',
      '    return result.rows;',
      '  },',
      '};',
    ],
    'src/logger.ts': [
      'type Fields = Record<string, unknown>;',
      '',
      'function write(level: string, message: string, fields: Fields = {}): void {',
      '  process.stdout.write(`${JSON.stringify({ level, message, ...fields })}\\n`);',
      '}',
      '',
      'export const logger = {',
      "  info: (message: string, fields?: Fields) => write('info', message, fields),",
      "  error: (message: string, fields?: Fields) => write('error', message, fields),",
      '};',
    ],
    'src/errors.ts': [
      'export class NotFoundError extends Error {',
      '  constructor(readonly table: string, readonly id: string) {',
      '    super(`${table} ${id} not found`);',
      '  }',
      '}',
    ],
    'src/tasks.ts': [
      "import { defineTask } from 'fleet-runtime';",
      '',
      'export const TaskSpec = {',
      "  Notify: defineTask<{ table: string; id: string }>('notify'),",
      "  Reindex: defineTask<{ table: string }>('reindex'),",
      '};',
    ],
    'src/auth.ts': [
      'type RouteHandler = (request: Request) => Promise<Response>;',
      '',
      'export function withAuth(handler: RouteHandler): RouteHandler {',
      '  return async (request) => {',
      "    if (!request.headers.get('authorization')) return new Response('unauthorized', { status: 401 });",
      '    return handler(request);',
      '  };',
      '}',
    ],
  };
}

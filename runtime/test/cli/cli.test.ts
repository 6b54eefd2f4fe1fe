import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { run } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { assertOwnSnapshot } from '../../src/cli/commands/schema.js';
import { connect } from '../../src/connect.js';
import { defineTasks } from '../../src/define-tasks.js';
import { enqueue } from '../../src/enqueue.js';
import type { Store } from '../../src/store.js';

const tasks = defineTasks({ Mail: { schema: z.object({ to: z.string() }), policy: { attempts: 1 } } });

describe('fleet-runtime CLI', () => {
  let dir: string;
  let url: string;
  let store: Store;
  let out: string[];
  let err: string[];
  let io: CliIo;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fleet-cli-'));
    url = `sqlite:${join(dir, 'fleet.db')}`;
    store = await connect({ url });
    out = [];
    err = [];
    io = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: {},
      cwd: dir,
      openStore: () => connect({ url, attempts: 1 }),
    };
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists, shows and prints the events of tasks', async () => {
    const id = await enqueue(tasks.Mail({ to: 'a@b.c' }), { store, key: 'k1' });
    expect(await run(['tasks', 'list'], io)).toBe(0);
    expect(out[0]).toMatch(/^ID\s+NAME\s+STATE\s+ATTEMPTS\s+RUN AT\s+LAST ERROR\n/);
    expect(out[0]).toContain(`${id}  Mail  queued  0/1`);
    expect(await run(['tasks', 'show', id], io)).toBe(0);
    expect(out[1]).toContain('key:         k1');
    expect(await run(['tasks', 'events', id, '--json'], io)).toBe(0);
    expect((JSON.parse(out[2] ?? '[]') as { type: string }[]).map((event) => event.type)).toEqual(['enqueued']);
  });

  it('pages tasks list and dead list with --before <cursor>, newest first, and shows the next page command', async () => {
    const ids: string[] = [];
    for (const to of ['a', 'b', 'c']) ids.push(await enqueue(tasks.Mail({ to }), { store }));
    const newestFirst = [...ids].reverse();
    expect(await run(['tasks', 'list', '--limit', '2', '--json'], io)).toBe(0);
    const first = JSON.parse(out[0] ?? '[]') as { id: string; cursor: string }[];
    expect(first.map((task) => task.id)).toEqual(newestFirst.slice(0, 2));
    expect(await run(['tasks', 'list', '--limit', '2'], io)).toBe(0);
    expect(out[1]?.split('\n').at(-1)).toBe(`Next page: fleet-runtime tasks list --limit 2 --before ${first[1]?.cursor ?? ''}`);
    expect(await run(['tasks', 'list', '--limit', '2', '--before', first[1]?.cursor ?? ''], io)).toBe(0);
    expect(out[2]).toContain(newestFirst[2]);
    expect(out[2]).not.toContain(newestFirst[0]);
    expect(out[2]).not.toContain('Next page');
    expect(await run(['tasks', 'list', '--before', 'not-a-cursor'], io)).toBe(2);
    expect(err[0]).toMatch(/^--before not-a-cursor is not a task cursor/);

    for (const id of ids) {
      const [claimed] = await store.claim({ owner: 'w', names: ['Mail'], limit: 1, leaseMs: 1000 });
      await store.settle([{ id: claimed?.id ?? '', token: claimed?.token ?? '', kind: 'dead', error: `dead ${id}` }]);
    }
    expect(await run(['dead', 'list', '--limit', '1', '--before', first[0]?.cursor ?? '', '--json'], io)).toBe(0);
    expect((JSON.parse(out[3] ?? '[]') as { id: string }[]).map((task) => task.id)).toEqual([newestFirst[1]]);
  });

  it('cancels, refuses a second cancel, and says why', async () => {
    const id = await enqueue(tasks.Mail({ to: 'a@b.c' }), { store });
    expect(await run(['tasks', 'cancel', id], io)).toBe(0);
    expect(out).toEqual([`Cancelled ${id}.`]);
    expect(await run(['tasks', 'cancel', id], io)).toBe(1);
    expect(err).toEqual([`Task ${id} is cancelled; only queued, running or retrying tasks can be cancelled.`]);
  });

  it('lists and re-drives dead tasks', async () => {
    const id = await enqueue(tasks.Mail({ to: 'a@b.c' }), { store });
    const [claimed] = await store.claim({ owner: 'w', names: ['Mail'], limit: 1, leaseMs: 1000 });
    expect(claimed?.id).toBe(id);
    await store.settle([{ id, token: claimed?.token ?? '', kind: 'dead', error: 'smtp down' }]);
    expect(await run(['dead', 'list'], io)).toBe(0);
    expect(out[0]).toContain('smtp down');
    expect(await run(['dead', 'redrive'], io)).toBe(2);
    expect(err[0]).toMatch(/^dead redrive needs task ids, or --all/);
    expect(await run(['dead', 'redrive', id, 'missing-id'], io)).toBe(1);
    expect(out[1]).toBe('Re-drove 1 task.');
    expect(err[1]).toBe('Not dead or failed (left alone): missing-id.');
    expect((await store.get(id))?.state).toBe('queued');
  });

  it('retries a waiting task now and re-drives a failed one', async () => {
    const waiting = await enqueue(tasks.Mail({ to: 'a' }), { store, runAt: 3_600_000 });
    expect(await run(['tasks', 'retry', waiting], io)).toBe(0);
    expect((await store.get(waiting))?.runAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await run(['tasks', 'retry', 'nope'], io)).toBe(1);
    expect(err).toEqual(['No task nope; it may never have existed or was purged after its retention.']);
  });

  it('prints stats, Prometheus metrics and schedules', async () => {
    await enqueue(tasks.Mail({ to: 'a' }), { store });
    expect(await run(['stats'], io)).toBe(0);
    expect(out[0]).toMatch(/^queued {4}1\n/);
    expect(await run(['stats', '--prometheus'], io)).toBe(0);
    expect(out[1]).toContain('fleet_tasks_ready 1');
    expect(await run(['schedules', 'list'], io)).toBe(0);
    expect(out[2]).toBe('No schedules.');
  });

  it('reports an unknown task name', async () => {
    await enqueue(tasks.Mail({ to: 'a' }), { store });
    expect(await run(['tasks', 'list', '--name', 'Mial'], io)).toBe(1);
    expect(err[0]).toMatch(/^No task named Mial is stored/);
    expect(await run(['worker', '--tasks', join(import.meta.dirname, '../process/tasks-module.ts'), '--only', 'Wrok'], io)).toBe(2);
    expect(err[1]).toMatch(/^Unknown task Wrok; .* has executors for Work\./);
  });

  it('exits 2 on usage errors and a bad database URL', async () => {
    expect(await run([], io)).toBe(2);
    expect(await run(['frobnicate'], io)).toBe(2);
    expect(err[0]).toMatch(/^Unknown command frobnicate\./);
    expect(await run(['tasks', 'list', '--state', 'finished'], io)).toBe(2);
    expect(err[1]).toMatch(/^--state finished is not a state; use one of queued, running/);
    const badUrl: CliIo = { ...io, openStore: () => connect({ url: 'mysql://x', attempts: 1 }) };
    expect(await run(['stats'], badUrl)).toBe(2);
    expect(err[2]).toMatch(/^FLEET_DATABASE_URL="mysql:\/\/x" is not a database URL/);
  });

  it('retries an unreachable database, says so, then exits 3', async () => {
    // Port 1 is never served on the test machines (test/unit/connect.test.ts proves it): refused, transient.
    const bad = 'postgres://postgres@127.0.0.1:1/test';
    const notices: string[] = [];
    const unreachable: CliIo = {
      ...io,
      openStore: () => connect({ url: bad, attempts: 2, retryDelayMs: 10, log: (message) => notices.push(message) }),
    };
    expect(await run(['stats'], unreachable)).toBe(3);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(`fleet-runtime: database ${bad} unavailable (`);
    expect(notices[0]).toMatch(/; retrying in 10 ms \(attempt 1\/2\)\.$/);
    expect(err[0]).toContain(`fleet-runtime: cannot use the database ${bad} after 2 attempts`);
  });

  it('exits 3 at once, without retrying, for a database that can never be opened', async () => {
    // A database path below a regular file can never be opened: the precondition is that it exists as a file.
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    const bad = `sqlite:${blocker}/fleet.db`;
    const notices: string[] = [];
    const broken: CliIo = {
      ...io,
      openStore: () => connect({ url: bad, attempts: 2, retryDelayMs: 10, log: (message) => notices.push(message) }),
    };
    expect(await run(['stats'], broken)).toBe(3);
    expect(notices).toEqual([]);
    expect(err[0]).toContain(`fleet-runtime: cannot use the database ${bad}: `);
  });
});

describe('fleet-runtime CLI: help and version', () => {
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      out: (text) => out.push(text),
      err: (text) => err.push(text),
      env: {},
      cwd: tmpdir(),
      openStore: () => Promise.reject(new Error('no store needed')),
    };
    return { out, err, io };
  };

  it('prints the package version for --version', async () => {
    const { out, io } = capture();
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await run(['--version'], io)).toBe(0);
    expect(out).toEqual([manifest.version]);
  });

  it('prints a command\'s usage for <command> --help instead of "Unknown option"', async () => {
    const { out, err, io } = capture();
    expect(await run(['worker', '--help'], io)).toBe(0);
    expect(out).toEqual(['Usage:\nfleet-runtime worker --tasks <module> [--only <task>]… [--concurrency <n>] [--shutdown-timeout <ms>]']);
    expect(err).toEqual([]);
  });

  it('refuses schema --write on a snapshot inside node_modules', () => {
    const installed = join('/app', 'node_modules', 'fleet-runtime', 'migrations', 'sqlite', 'schema.sql');
    expect(() => {
      assertOwnSnapshot(installed);
    }).toThrow(
      `schema --write regenerates fleet-runtime's own committed snapshot and is for working on fleet-runtime itself; here it would rewrite ${installed} inside node_modules.`,
    );
    expect(() => {
      assertOwnSnapshot(join('/work', 'fleet', 'runtime', 'migrations', 'sqlite', 'schema.sql'));
    }).not.toThrow();
  });
});

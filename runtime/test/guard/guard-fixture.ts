import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoleGuard, type RoleGuard } from '../../src/guard/role-guard.js';

/**
 * The manifest every guard test serves: `fleet.routes.yaml` beside this file, which also declares
 * the test apps' routes for our own lint run. Line numbers matter (the 421 body names them).
 */
export const MANIFEST = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fleet.routes.yaml'), 'utf8');

/** A temporary project: `fleet.routes.yaml` plus a workspace holding `docs/intro.md`. */
export interface Project {
  readonly dir: string;
  readonly manifest: string;
  readonly workspace: string;
  remove(): void;
}

export function makeProject(manifestText = MANIFEST): Project {
  const dir = mkdtempSync(join(tmpdir(), 'fleet-guard-'));
  const manifest = join(dir, 'fleet.routes.yaml');
  writeFileSync(manifest, manifestText);
  const workspace = join(dir, 'workspace');
  mkdirSync(join(workspace, 'docs'), { recursive: true });
  writeFileSync(join(workspace, 'docs', 'intro.md'), '# Intro\n');
  return {
    dir,
    manifest,
    workspace,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Listen on 127.0.0.1, an ephemeral port; returns the base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
}

export function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) =>
    server.close(() => {
      done();
    }),
  );
}

/** The error body the sample handlers answer with when a read throws. */
export interface ErrorBody {
  readonly name: string;
  readonly code: string;
  readonly message: string;
}

/**
 * What every framework's app must do on a serve replica whose guard has `workspaceRoot`: the
 * ide-only route answers 421 without reaching the handler, fleet-ok routes are served, a
 * workspace read in one throws `WorkspaceReadError`, an undeclared path stays the framework's 404.
 */
export async function expectServeReplica(base: string, handlerCalls: () => number): Promise<void> {
  const before = handlerCalls();
  const refused = await fetch(`${base}/api/files/docs/intro.md?download=1`);
  expect(refused.status).toBe(421);
  expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
  expect(refused.headers.get('x-fleet-route-role')).toBe('ide-only');
  expect(await refused.json()).toEqual({
    error: 'Misdirected Request',
    message:
      'GET /api/files/docs/intro.md is ide-only (serves the checkout), and this serve replica does not answer it; route it to the node that owns the workspace (FLEET_ROLE=ide).',
    route: { method: 'GET', path: '/api/files/{*path}', role: 'ide-only', reason: 'serves the checkout', declared: 'fleet.routes.yaml:3' },
  });
  expect(handlerCalls()).toBe(before);

  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.text()).toBe('ok');

  const read = await fetch(`${base}/api/docs/intro`);
  expect(read.status).toBe(500);
  const readError = (await read.json()) as ErrorBody;
  expect(readError).toMatchObject({ name: 'WorkspaceReadError', code: 'EFLEETWORKSPACE' });
  expect(readError.message).toMatch(
    /^GET \/api\/docs\/intro \(fleet-ok: GET \/api\/docs\/\{name\}, fleet\.routes\.yaml:4\) called fs\.promises\.readFile on \/.*\/workspace\/docs\/intro\.md, under the workspace root /,
  );
  expect(readError.message).toContain('which breaks fleet/no-workspace-fs-in-serve-route');

  const posted = await fetch(`${base}/api/docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'intro' }),
  });
  expect(posted.status).toBe(500);
  const postError = (await posted.json()) as ErrorBody;
  expect(postError.message).toMatch(/^POST \/api\/docs \(fleet-ok: POST \/api\/docs, fleet\.routes\.yaml:5\) called fs\.readFileSync on /);

  expect((await fetch(`${base}/api/nope`)).status).toBe(404);
}

/** On the ide node the same app serves everything, reads included. */
export async function expectIdeNode(base: string): Promise<void> {
  const file = await fetch(`${base}/api/files/docs/intro.md`);
  expect(file.status).toBe(200);
  expect(await file.text()).toBe('# Intro\n');
  const doc = await fetch(`${base}/api/docs/intro`);
  expect(doc.status).toBe(200);
  expect(await doc.text()).toBe('# Intro\n');
}

/** A framework app under test, listening on 127.0.0.1: its base URL and how to stop it. */
export interface StartedApp {
  readonly base: string;
  stop(): Promise<void>;
}

/** Starts one framework's test app with `guard` in front; `calls.count` counts handler runs of the ide-only route. */
export type StartApp = (guard: RoleGuard, workspace: string, calls: { count: number }) => Promise<StartedApp>;

/**
 * The two over-HTTP cases every framework adapter must pass, on a fresh project: on a `serve`
 * replica ide-only routes get 421 and workspace reads are stopped; on the `ide` node every route
 * is served, reads included.
 */
export function describeRoleGuardOverHttp(adapter: string, start: StartApp): void {
  describe(`${adapter} over HTTP`, () => {
    let project: Project;
    beforeAll(() => {
      project = makeProject();
    });
    afterAll(() => {
      project.remove();
    });

    it('refuses ide-only routes with 421 and stops workspace reads on a serve replica', async () => {
      const guard = createRoleGuard({ manifest: project.manifest, role: 'serve', workspaceRoot: project.workspace });
      const calls = { count: 0 };
      const app = await start(guard, project.workspace, calls);
      try {
        await expectServeReplica(app.base, () => calls.count);
      } finally {
        await app.stop();
        guard.close();
      }
    });

    it('serves every route, reads included, on the ide node', async () => {
      const guard = createRoleGuard({ manifest: project.manifest, role: 'ide', workspaceRoot: project.workspace });
      const app = await start(guard, project.workspace, { count: 0 });
      try {
        await expectIdeNode(app.base);
      } finally {
        await app.stop();
        guard.close();
      }
    });
  });
}

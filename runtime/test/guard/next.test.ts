import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';
import { expectServeReplica, makeProject, type Project } from './guard-fixture.js';

const runtimeDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const nextBin = join(runtimeDir, '..', 'node_modules', 'next', 'dist', 'bin', 'next');

// A real Next.js app (App Router route handlers, `next dev`), written per run under runtime/
// (inside the repository root, where Turbopack resolves files) and removed afterwards.
function writeApp(appDir: string): void {
  const src = relative(appDir, join(runtimeDir, 'src', 'guard')).replaceAll('\\', '/');
  const file = (path: string, text: string): void => {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), text);
  };
  const depth = (path: string): string => '../'.repeat(path.split('/').length - 1);
  const route = (path: string, body: string): void => {
    file(
      path,
      `import { readFileSync } from 'node:fs';\nimport { readFile } from 'node:fs/promises';\nimport { join } from 'node:path';\nimport { withRoleGuard } from '${depth(path)}${src}/middleware.js';\nimport { guard, workspace, fail } from '${depth(path)}guard.js';\n${body}\n`,
    );
  };
  file(
    'guard.js',
    `import { createRoleGuard } from './${src}/role-guard.js';
export const guard = createRoleGuard({ manifest: process.env.GUARD_MANIFEST, workspaceRoot: process.env.GUARD_WORKSPACE });
export const workspace = process.env.GUARD_WORKSPACE;
export const fail = ({ name, code, message }) => Response.json({ name, code, message }, { status: 500 });
`,
  );
  route('app/api/health/route.js', `export const GET = withRoleGuard(guard, () => new Response('ok'));`);
  route(
    'app/api/files/[...path]/route.js',
    `export const GET = withRoleGuard(guard, async (_request, { params }) => new Response(await readFile(join(workspace, ...(await params).path), 'utf8')));`,
  );
  route(
    'app/api/docs/[name]/route.js',
    `export const GET = withRoleGuard(guard, async (_request, { params }) => {
  try { return new Response(await readFile(join(workspace, 'docs', \`\${(await params).name}.md\`), 'utf8')); } catch (error) { return fail(error); }
});`,
  );
  route(
    'app/api/docs/route.js',
    `export const POST = withRoleGuard(guard, async (request) => {
  const { name } = await request.json();
  try { return new Response(readFileSync(join(workspace, 'docs', \`\${name}.md\`), 'utf8')); } catch (error) { return fail(error); }
});`,
  );
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('withRoleGuard in a real Next.js app over HTTP', () => {
  let project: Project;
  let appDir: string;
  let child: ChildProcess | undefined;
  let output = '';
  beforeAll(() => {
    project = makeProject();
    mkdirSync(join(runtimeDir, '.guard-next'), { recursive: true });
    appDir = mkdtempSync(join(runtimeDir, '.guard-next', 'app-'));
    writeApp(appDir);
  });
  afterAll(async () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    }
    rmSync(appDir, { recursive: true, force: true });
    project.remove();
  });

  it('refuses ide-only routes with 421 and stops workspace reads on a serve replica', async () => {
    const port = await freePort();
    child = spawn(process.execPath, [nextBin, 'dev', '--port', String(port), '--hostname', '127.0.0.1'], {
      cwd: appDir,
      detached: true,
      env: {
        ...process.env,
        FLEET_ROLE: 'serve',
        GUARD_MANIFEST: project.manifest,
        GUARD_WORKSPACE: project.workspace,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(`next dev to be ready (output so far: ${output})`, () => output.includes('Ready') || child?.exitCode !== null, 45_000);
    // The handler counter lives in the Next.js process; the 421 carries no handler output, so
    // the count the shared check compares is constant here and the body check carries the proof.
    await expectServeReplica(`http://127.0.0.1:${String(port)}`, () => 0);
  }, 120_000);
});

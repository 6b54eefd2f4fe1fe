import fs, { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInRequestScope, type RequestScope } from '../../src/guard/request-scope.js';
import { installWorkspaceGuard } from '../../src/guard/workspace-guard.js';
import { WorkspaceReadError } from '../../src/guard/workspace-read-error.js';
import { makeProject, type Project } from './guard-fixture.js';

const scope = (manifestFile: string): RequestScope => ({
  method: 'GET',
  path: '/api/docs/intro',
  manifestFile,
  declaration: undefined,
});

describe('installWorkspaceGuard', () => {
  let project: Project;
  let uninstall: () => void;
  beforeAll(() => {
    project = makeProject();
    uninstall = installWorkspaceGuard(project.workspace);
  });
  afterAll(() => {
    uninstall();
    project.remove();
  });
  const inRequest = <T>(fn: () => T): T => runInRequestScope(scope(project.manifest), fn);
  const intro = (): string => join(project.workspace, 'docs', 'intro.md');

  it('lets start-up code (outside any request) read the workspace', async () => {
    expect(readFileSync(intro(), 'utf8')).toBe('# Intro\n');
    expect(await readFile(intro(), 'utf8')).toBe('# Intro\n');
  });

  it('throws from sync and callback reads, rejects from promise reads, inside a request', async () => {
    expect(() => inRequest(() => readFileSync(intro()))).toThrow(WorkspaceReadError);
    expect(() => {
      inRequest(() => existsSync(join(project.workspace, 'docs')));
    }).toThrow(/called fs\.existsSync on .*\/workspace\/docs, under the workspace root/);
    expect(() => {
      inRequest(() => {
        fs.readFile(intro(), () => undefined);
      });
    }).toThrow(/called fs\.readFile on/);
    expect(() => inRequest(() => fs.createReadStream(intro()))).toThrow(/called fs\.createReadStream on/);
    await expect(inRequest(() => readdir(project.workspace))).rejects.toThrow(/called fs\.promises\.readdir on/);
    await expect(inRequest(() => fs.promises.stat(intro()))).rejects.toMatchObject({
      name: 'WorkspaceReadError',
      code: 'EFLEETWORKSPACE',
      call: 'fs.promises.stat',
      path: intro(),
      rule: 'fleet/no-workspace-fs-in-serve-route',
    });
  });

  it('keeps the request scope across awaits and timers started by the request', async () => {
    const error = await inRequest(async () => {
      await new Promise((done) => setTimeout(done, 5));
      return readFile(intro()).then(
        () => undefined,
        (caught: unknown) => caught,
      );
    });
    expect(error).toBeInstanceOf(WorkspaceReadError);
  });

  it('sees file URLs, Buffers, relative paths and glob patterns or cwd under the root', async () => {
    expect(() => inRequest(() => readFileSync(pathToFileURL(intro())))).toThrow(WorkspaceReadError);
    expect(() => inRequest(() => readFileSync(Buffer.from(intro())))).toThrow(WorkspaceReadError);
    expect(() => inRequest(() => fs.globSync('**/*.md', { cwd: project.workspace }))).toThrow(/called fs\.globSync on/);
    expect(() => inRequest(() => fs.globSync(`${project.workspace}/**/*.md`))).toThrow(WorkspaceReadError);
    const cwd = process.cwd();
    process.chdir(project.workspace);
    try {
      expect(() => inRequest(() => readFileSync('docs/intro.md'))).toThrow(WorkspaceReadError);
    } finally {
      process.chdir(cwd);
    }
    await expect(inRequest(() => readFile(join(project.workspace, 'docs', '..', 'docs', 'intro.md')))).rejects.toThrow(WorkspaceReadError);
  });

  it('leaves reads outside the root, a sibling with the same prefix, and writes alone', () => {
    inRequest(() => {
      expect(readFileSync(project.manifest, 'utf8')).toContain('version: 1');
      expect(existsSync(`${project.workspace}-other`)).toBe(false);
      fs.writeFileSync(join(project.workspace, 'out.txt'), 'written');
    });
    expect(readFileSync(join(project.workspace, 'out.txt'), 'utf8')).toBe('written');
  });

  it('keeps the properties of hooked functions and refuses a second root', () => {
    expect(typeof fs.realpathSync.native).toBe('function');
    expect(fs.readFileSync.name).toBe('readFileSync');
    expect(() => installWorkspaceGuard(project.dir)).toThrow(
      `Workspace guard: already installed for ${project.workspace}; one process guards one workspace root (asked for ${project.dir}).`,
    );
  });
});

describe('uninstalling the workspace guard', () => {
  it('shares the hooks between installs of the same root and restores them when the last is released', () => {
    const project = makeProject();
    const original = fs.readFileSync;
    const first = installWorkspaceGuard(project.workspace);
    const hooked = fs.readFileSync;
    const second = installWorkspaceGuard(project.workspace);
    expect(fs.readFileSync).toBe(hooked);
    expect(hooked).not.toBe(original);
    first();
    first();
    expect(fs.readFileSync).toBe(hooked);
    second();
    expect(fs.readFileSync).toBe(original);
    expect(runInRequestScope(scope(project.manifest), () => readFileSync(join(project.workspace, 'docs', 'intro.md'), 'utf8'))).toBe(
      '# Intro\n',
    );
    project.remove();
  });
});

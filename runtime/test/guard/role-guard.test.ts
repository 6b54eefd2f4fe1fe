import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManifestError } from 'fleet-routes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoleGuard } from '../../src/guard/role-guard.js';
import { makeProject, type Project } from './guard-fixture.js';

describe('createRoleGuard', () => {
  let project: Project;
  beforeAll(() => {
    project = makeProject();
  });
  afterAll(() => {
    project.remove();
  });

  it('stops start-up on a broken manifest with file:line:column for every problem', () => {
    const broken = join(project.dir, 'broken.routes.yaml');
    writeFileSync(
      broken,
      'version: 1\nroutes:\n  - { method: GET, path: "/a", role: ide_only }\n  - { method: GET, path: "/b/:id", role: fleet-ok }\n',
    );
    let thrown: unknown;
    try {
      createRoleGuard({ manifest: broken, role: 'serve' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ManifestError);
    const message = (thrown as Error).message;
    expect(message).toContain(`Invalid route manifest ${broken} (2 problems):`);
    expect(message).toContain(`${broken}:3:38 Unknown role \`ide_only\` (did you mean \`ide-only\`?)`);
    expect(message).toContain(`${broken}:4:26 Invalid path \`/b/:id\`: \`:id\` is framework syntax; write \`{id}\`.`);
  });

  it('stops start-up when the manifest file does not exist', () => {
    const missing = join(project.dir, 'nope.yaml');
    expect(() => createRoleGuard({ manifest: missing, role: 'serve' })).toThrow(
      `${missing}:1:1 The route manifest does not exist; create it with \`fleet routes --init\``,
    );
  });

  it('classifies by the most specific declaration and answers 421 only for ide-only routes on serve', () => {
    const guard = createRoleGuard({ manifest: project.manifest, role: 'serve' });
    expect(guard.decide('get', '/api/docs/intro?x=1')).toMatchObject({
      serve: true,
      scope: { method: 'GET', path: '/api/docs/intro', declaration: { path: '/api/docs/{name}', role: 'fleet-ok' } },
    });
    expect(guard.decide('GET', '/api/files/a/b')).toMatchObject({
      serve: false,
      status: 421,
      headers: { 'X-Fleet-Route-Role': 'ide-only' },
    });
    // HEAD is answered by the GET declaration, as routers do.
    expect(guard.decide('HEAD', '/api/files/a')).toMatchObject({ serve: false, status: 421 });
    expect(guard.decide('DELETE', '/api/docs/intro')).toMatchObject({ serve: true, scope: { declaration: undefined } });
  });

  it('refuses undeclared routes on serve only when asked to', () => {
    const guard = createRoleGuard({ manifest: project.manifest, role: 'serve', undeclared: 'refuse' });
    const decision = guard.decide('GET', '/admin');
    expect(decision).toMatchObject({ serve: false, status: 421, headers: { 'X-Fleet-Route-Role': 'undeclared' } });
    expect(decision.serve ? undefined : JSON.parse(decision.body)).toEqual({
      error: 'Misdirected Request',
      message:
        'GET /admin is not declared in the route manifest, and this serve replica does not answer it; route it to the node that owns the workspace (FLEET_ROLE=ide).',
      route: { role: 'undeclared', declared: null },
    });
  });

  it('serves everything on the ide, worker and all roles', () => {
    expect(createRoleGuard({ manifest: project.manifest, role: 'ide', undeclared: 'refuse' }).decide('GET', '/api/files/a')).toMatchObject({
      serve: true,
    });
    expect(
      createRoleGuard({ manifest: project.manifest, role: 'worker', undeclared: 'refuse' }).decide('GET', '/api/files/a'),
    ).toMatchObject({ serve: true });
    expect(createRoleGuard({ manifest: project.manifest, role: 'all', undeclared: 'refuse' }).decide('GET', '/nope')).toMatchObject({
      serve: true,
    });
  });

  it('reads the role from FLEET_ROLE when none is given', () => {
    const previous = process.env.FLEET_ROLE;
    process.env.FLEET_ROLE = 'serve';
    try {
      expect(createRoleGuard({ manifest: project.manifest }).role).toBe('serve');
    } finally {
      if (previous === undefined) delete process.env.FLEET_ROLE;
      else process.env.FLEET_ROLE = previous;
    }
  });
});

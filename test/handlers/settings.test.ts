import { describe, expect, it } from 'vitest';
import { readFleetSettings } from '../../src/settings.js';

describe('readFleetSettings', () => {
  it('fills defaults and keeps unknown keys', () => {
    const settings = readFleetSettings({ manifest: 'fleet.routes.yaml' });
    expect(settings.heuristics).toBe(true);
    expect(settings.callDepth).toBe(2);
    expect(settings.frameworks).toEqual([
      'express',
      'fastify',
      'koa',
      'hono',
      'nestjs',
      'nextjs',
      'elysia',
      'trpc',
      'graphql',
      'sveltekit',
      'nitro',
      'react-router',
      'medusa',
      'custom',
    ]);
    expect(settings.handlers).toEqual([]);
    expect(settings.manifest).toBe('fleet.routes.yaml');
    expect(readFleetSettings(undefined).callDepth).toBe(2);
  });

  it('reads handler declarations, upper-casing methods', () => {
    expect(
      readFleetSettings({
        handlers: [
          { callee: 'setupApiRoute', methodArg: 1, pathArg: 2, handlerArg: 3 },
          { callee: '*.route', method: 'post', files: ['src/**'] },
        ],
      }).handlers,
    ).toEqual([
      { callee: 'setupApiRoute', methodArg: 1, pathArg: 2, handlerArg: 3 },
      { callee: '*.route', method: 'POST', files: ['src/**'] },
    ]);
  });

  it('caches per raw object', () => {
    const raw = { callDepth: 3 };
    expect(readFleetSettings(raw)).toBe(readFleetSettings(raw));
  });

  it('names the key, the value found and what to write on bad input', () => {
    expect(() => readFleetSettings({ heuristics: 'no' })).toThrow(
      'Invalid settings.fleet.heuristics: found the string "no"; write `true` or `false`.',
    );
    expect(() => readFleetSettings({ callDepth: -1 })).toThrow(
      'Invalid settings.fleet.callDepth: found number -1; write an integer from 0 to 10 (default 2).',
    );
    expect(() => readFleetSettings({ frameworks: ['express', 'flask'] })).toThrow(
      'Invalid settings.fleet.frameworks: found the string "flask"',
    );
    expect(() => readFleetSettings({ handlers: [{ callee: 'a..b' }] })).toThrow('Invalid settings.fleet.handlers[0].callee');
    expect(() => readFleetSettings({ handlers: [{ callee: 'f', pathArg: 'x' }] })).toThrow('Invalid settings.fleet.handlers[0].pathArg');
    expect(() => readFleetSettings({ handlerFiles: [{ exports: ['default'] }] })).toThrow(
      'Invalid settings.fleet.handlerFiles[0].files: found undefined',
    );
    expect(() => readFleetSettings({ queues: 'jobs.add' })).toThrow('Invalid settings.fleet.queues');
    expect(() => readFleetSettings('fast')).toThrow('Invalid settings.fleet: found the string "fast"');
  });
});

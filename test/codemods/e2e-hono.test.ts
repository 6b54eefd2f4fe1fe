/**
 * End to end on a real Hono app served by @hono/node-server (valibot schemas, an async IIFE):
 * codemod, tsc, run on SQLite, call over HTTP, tasks reach `done` with their side effects.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile, copyApp, floatingWork, migrate, post, removeCopies, serveAndSettle } from './e2e-helpers.js';

afterAll(removeCopies);

describe('spawn-to-taskspec on the Hono sample app', () => {
  it('rewrites, type-checks, and runs the tasks to done', async () => {
    const app = copyApp('hono');
    const run = await migrate(app, 'src');
    expect(run.sites).toEqual([
      'src/routes/videos.ts:9 rewritten TaskSpec.TranscodeVideo',
      'src/routes/videos.ts:15 rewritten TaskSpec.PublishVideo',
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(path.join(app, 'src/tasks.ts'), 'utf8')).toContain(
      'TranscodeVideo: { schema: v.object({ videoId: v.string(), formats: v.array(v.string()) }) },',
    );

    const compiled = compile(app);
    expect(compiled.output).toBe('');
    expect(compiled.code).toBe(0);

    const served = await serveAndSettle(app, 'dist/server.js', 2, async (base) => {
      expect(await post(`${base}/videos/v-1/transcode`, { formats: ['hls', 'mp4'] })).toBe(202);
      expect(await post(`${base}/videos/v-2/publish`)).toBe(202);
    });
    expect(served.tasks.map((task) => `${task.name} ${task.state} ${task.key ?? ''}`).sort()).toEqual([
      'PublishVideo done v-2',
      'TranscodeVideo done v-1',
    ]);
    expect(served.outbox).toEqual(['publish v-2', 'transcode v-1 hls,mp4']);

    expect(await floatingWork(app)).toEqual([]);
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('trpc detector', () => {
  it('finds procedures and middleware of t.procedure in the module that calls initTRPC', () => {
    expect(
      handlersIn(`import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
const t = initTRPC.context<{ userId?: string }>().create();
const isAuthed = t.middleware(({ ctx, next }) => {
  if (!ctx.userId) throw new TRPCError({ code: 'UNAUTHORIZED' });
  return next();
});
export const appRouter = t.router({
  hello: t.procedure.input(z.string()).query(({ input }) => 'hi ' + input),
  create: t.procedure.use(isAuthed).use(({ next }) => next()).mutation(async ({ input, ctx }) => save(input)),
});
`),
    ).toEqual([
      { framework: 'trpc', kind: 'middleware', confidence: 'certain', label: 'middleware isAuthed', complete: undefined, line: 4 },
      { framework: 'trpc', kind: 'route', confidence: 'certain', label: 'query hello', complete: undefined, line: 9 },
      { framework: 'trpc', kind: 'middleware', confidence: 'certain', label: 'middleware app.ts:10', complete: undefined, line: 10 },
      { framework: 'trpc', kind: 'route', confidence: 'certain', label: 'mutation create', complete: undefined, line: 10 },
    ]);
  });

  it('takes an imported *Procedure builder by its name (heuristic) and ignores other .query() calls', () => {
    expect(
      handlersIn(`import { protectedProcedure, createTRPCRouter } from '~/server/api/trpc';
import { db } from '~/server/db';
export const postRouter = createTRPCRouter({
  'delete': protectedProcedure.input(schema).mutation(async ({ ctx, input }) => db.post.delete({ where: { id: input.id } })),
});
const rows = db.query('SELECT 1');
const cached = queryClient.query({ queryKey: ['x'] }, () => 1);
`),
    ).toEqual([{ framework: 'trpc', kind: 'route', confidence: 'heuristic', label: 'mutation delete', complete: undefined, line: 4 }]);
  });
});

/** tRPC: procedures (`query`, `mutation`, `subscription`) and their middleware; handlers without a route path. */
import type { FrameworkDefinition } from '../framework.js';
import { detectTrpc } from './detector.js';
import { mayHoldProcedures } from './detector.js';

export const trpc: FrameworkDefinition<'trpc'> = {
  name: 'trpc',
  title: 'tRPC',
  detect: detectTrpc,
  // Procedures answer by returning; they register no route the inventory lists.
  answersBy: 'return',
  pathSyntax: 'express',
  mayRoute: [],
  mayDetect: (_filename, text) => mayHoldProcedures(text),
};

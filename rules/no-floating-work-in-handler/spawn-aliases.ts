import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { ImportIndex } from '../../src/handlers/types.js';

/** Modules whose exports start timers, processes, threads or platform deferrals. */
const SPAWN_MODULES = ['timers', 'process', 'child_process', 'worker_threads', 'execa', 'next/server', '@vercel/functions'];

/**
 * Local names bound to imports of spawn modules (`import { setTimeout as later } from 'timers'`,
 * `const { spawn: run } = require('child_process')`), computed once per file so the rule's
 * by-name pre-check on every call does not skip aliased timers and spawns.
 */
export function spawnAliases(imports: ImportIndex): ReadonlySet<string> {
  const names = new Set<string>();
  for (const module of SPAWN_MODULES) {
    if (!imports.modules.has(module)) continue;
    for (const use of imports.usesOf(module)) if (use.type === AST_NODE_TYPES.Identifier) names.add(use.name);
  }
  return names;
}

/**
 * Next.js server actions (React server functions): every exported async function of a
 * `'use server'` module, and every function whose body starts with `'use server'`. The client
 * calls them over HTTP (a POST to the page), so each runs per request like a route.
 */
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode, HandlerFinding } from '../../handlers/types.js';
import { moduleExports } from './module-exports.js';
import { functionValue } from './function-value.js';
import { visitAround } from './visit-around.js';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** The directive prologue (`'use server'`, `'use client'`, `'use strict'`) of a program or function body. */
export function directivesOf(body: readonly TSESTree.Node[]): Set<string> {
  const directives = new Set<string>();
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive == null) break;
    directives.add(statement.directive);
  }
  return directives;
}

/**
 * The exported server actions of a `'use server'` module. Exports that are wrapped
 * (`export const save = action(schema, async (input) => ...)`, next-safe-action's
 * `client.action(async ...)`) count through their inner function; a plain export must be async,
 * as Next.js itself requires. Helpers that are not exported are not actions.
 */
export function exportedServerActions(program: TSESTree.Program, scopeManager: ScopeManager): HandlerFinding[] {
  const handlers: HandlerFinding[] = [];
  for (const entry of moduleExports(program)) {
    const direct = functionValue(entry.value, scopeManager, { unwrapCalls: false });
    const fn = direct ?? functionValue(entry.value, scopeManager);
    if (fn === undefined || (direct !== undefined && !fn.async)) continue;
    // The client imports a default export under any name; the function's own name reads better.
    const label = entry.name === 'default' ? (fn.id?.name ?? 'default') : entry.name;
    handlers.push(serverAction(fn, label, `\`${entry.name}\` exported from a \`'use server'\` module`));
  }
  return handlers;
}

/**
 * Functions that declare `'use server'` at the top of their own body (inline server actions).
 * Only the branches of the tree that contain a `{ 'use server'` token pair are visited, so a file
 * without one costs a token scan (or, with neither tokens nor text, one walk).
 */
export function inlineServerActions(program: TSESTree.Program, text: string | undefined): HandlerFinding[] {
  const candidates = directiveCandidates(program, text);
  if (candidates !== undefined && candidates.length === 0) return [];
  const handlers: HandlerFinding[] = [];
  visitAround(program, candidates, (node, parent) => {
    if (!isFunction(node) || node.body.type !== AST_NODE_TYPES.BlockStatement || !directivesOf(node.body.body).has('use server')) return;
    // `<form action={async () => { 'use server'; ... }}>` has no name: the line tells it apart.
    const name = functionName(node, parent) ?? `server action at line ${node.loc.start.line}`;
    handlers.push(serverAction(node, name, `\`'use server'\` directive in \`${name}\``));
  });
  return handlers;
}

/**
 * Offsets of `'use server'` strings that follow a `{` (a function body's directive), or
 * `undefined` when neither tokens nor text are available and the whole tree must be searched.
 */
function directiveCandidates(program: TSESTree.Program, text: string | undefined): number[] | undefined {
  const tokens = program.tokens;
  if (tokens !== undefined) {
    const offsets: number[] = [];
    tokens.forEach((token, index) => {
      // Comments are not tokens, so `{ /* why */ 'use server'` still pairs up.
      if (isUseServerToken(token) && tokens[index - 1]?.value === '{') offsets.push(token.range[0]);
    });
    return offsets;
  }
  if (text === undefined) return undefined;
  // Without tokens, over-approximate from the text: every occurrence is a candidate.
  const offsets: number[] = [];
  for (const match of text.matchAll(/(['"])use server\1/g)) offsets.push(match.index);
  return offsets;
}

function serverAction(node: FunctionNode, label: string, via: string): HandlerFinding {
  return { node, framework: 'nextjs', kind: 'server-action', confidence: 'certain', via, route: undefined, label };
}

function isUseServerToken(token: TSESTree.Token): boolean {
  return token.type === 'String' && (token.value === "'use server'" || token.value === '"use server"');
}

function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

function functionName(node: FunctionNode, parent: TSESTree.Node | undefined): string | undefined {
  if (node.id != null) return node.id.name;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition) &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  return undefined;
}

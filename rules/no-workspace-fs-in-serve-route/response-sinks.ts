/**
 * Reads a framework performs for the handler: `res.sendFile(path, { root })` (Express),
 * `reply.sendFile(name, root)` (`@fastify/static`), `res.download(path)` (Express) and
 * `send(ctx, path, { root })` (`koa-send`). They stream a file from this replica's disk exactly
 * like `createReadStream`. The tree is walked only when the text names one of them.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { importPath } from '../../src/handlers/import-path.js';
import type { ImportIndex } from '../../src/handlers/types.js';
import { walk } from '../../src/ast/walk.js';
import type { FsSink } from './fs-sinks.js';

// `download` is a common method name (`storage.download(key)`): only on a response object.
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'resp']);

/** True when the file may contain a response send (cheap text test). */
export function mayHaveResponseSinks(text: string, imports: ImportIndex): boolean {
  return text.includes('.sendFile(') || text.includes('.download(') || imports.modules.has('koa-send') || imports.modules.has('@koa/send');
}

function rootOption(options: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const root = options.properties.find(
    (p): p is TSESTree.Property =>
      p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'root',
  );
  return root?.value;
}

function sendFileSink(call: TSESTree.CallExpression): FsSink | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const [path, second] = call.arguments;
  if (callee.property.name === 'sendFile') {
    // Fastify: `reply.sendFile(name, rootPath)`; Express: `res.sendFile(path, { root })`.
    const root =
      second &&
      second.type !== AST_NODE_TYPES.ObjectExpression &&
      second.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      second.type !== AST_NODE_TYPES.FunctionExpression
        ? second
        : rootOption(second);
    return { call, callee, path, options: undefined, root };
  }
  if (callee.property.name === 'download' && callee.object.type === AST_NODE_TYPES.Identifier && RESPONSE_NAMES.has(callee.object.name)) {
    return { call, callee, path, options: undefined, root: undefined };
  }
  return undefined;
}

/** Every response send of the module, in source order. */
export function responseSinks(ast: TSESTree.Program, imports: ImportIndex): FsSink[] {
  const sinks: FsSink[] = [];
  for (const module of ['koa-send', '@koa/send']) {
    for (const use of imports.usesOf(module)) {
      const call = use.parent;
      const source = imports.sourceOf(use);
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== use || !source || importPath(source).length > 0) continue;
      // `send(ctx, path, { root })`: the path is relative to `root`, else to the working directory.
      sinks.push({ call, callee: call.callee, path: call.arguments[1], options: undefined, root: rootOption(call.arguments[2]) });
    }
  }
  walk(ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const sink = sendFileSink(node);
      if (sink) sinks.push(sink);
    }
    return undefined;
  });
  return sinks;
}

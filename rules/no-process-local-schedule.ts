import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';

/** Rule options: none. */
export type Options = [];

/** Message ids. */
export type MessageIds = 'interval' | 'cron' | 'emptyAllowReason';

/** The escape hatch for work that is per process by design (refreshing this process's cache). */
const ALLOW = /^\s*fleet-allow-schedule\b:?(.*)$/s;
/**
 * Functions that start a server: a `setInterval` directly in them runs once per process. The
 * word must end there (`initServer`, `start_app`, `init`), so `initiateDashboard` or `runner`
 * (a front-end widget, a test runner) are not start-up code.
 */
const STARTUP_NAME = /^(?:main|start|startup|bootstrap|boot|init|initiali[sz]e|setup|run|listen)(?:[A-Z0-9_$]|$)/;

type CronBinding = 'namespace' | 'schedule' | 'CronJob';

export default createRule<Options, MessageIds>({
  name: 'no-process-local-schedule',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow recurring work scheduled in the process (`setInterval` at start-up, `node-cron`, `cron`), which runs once per replica',
      recommended: true,
      requiresTypeChecking: false,
    },
    schema: [],
    messages: {
      interval:
        "`setInterval()` at start-up runs once per replica on a fleet (N replicas, N runs, none when scaled to zero); declare it with fleet-runtime's `defineSchedule({ name, task, every })`, or, if it only refreshes this process's memory, keep it and say so with `// fleet-allow-schedule: <reason>`.",
      cron: "`{{callee}}` runs its job in every replica at once; declare it with fleet-runtime's `defineSchedule({ name, task, cron })`, which fires each slot exactly once across replicas, or mark a per-process job with `// fleet-allow-schedule: <reason>`.",
      emptyAllowReason:
        "The `fleet-allow-schedule` comment needs a reason after the colon, e.g. `// fleet-allow-schedule: refreshes this process's cache`.",
    },
  },
  create(context) {
    const { sourceCode } = context;
    const cron = new Map<string, CronBinding>();

    function report(node: TSESTree.Node, messageId: 'interval' | 'cron', callee: string): void {
      const line = statementOf(node).loc.start.line;
      const allow = sourceCode
        .getAllComments()
        .find(
          (comment) => ALLOW.test(comment.value) && (comment.loc.end.line === line - 1 || comment.loc.start.line === node.loc.start.line),
        );
      if (!allow) {
        context.report({ node, messageId, data: { callee } });
        return;
      }
      if ((ALLOW.exec(allow.value)?.[1] ?? '').trim() === '') context.report({ loc: allow.loc, messageId: 'emptyAllowReason' });
    }

    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (source !== 'node-cron' && source !== 'cron') return;
        for (const specifier of node.specifiers) {
          if (source === 'node-cron') {
            if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) cron.set(specifier.local.name, 'namespace');
            else if (importedName(specifier) === 'schedule') cron.set(specifier.local.name, 'schedule');
          } else if (specifier.type === AST_NODE_TYPES.ImportSpecifier && importedName(specifier) === 'CronJob') {
            cron.set(specifier.local.name, 'CronJob');
          }
        }
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (callee.name === 'setInterval' && atStartup(node)) report(node, 'interval', 'setInterval');
          else if (cron.get(callee.name) === 'schedule') report(node, 'cron', `${callee.name}()`);
          return;
        }
        if (
          callee.type !== AST_NODE_TYPES.MemberExpression ||
          callee.object.type !== AST_NODE_TYPES.Identifier ||
          callee.property.type !== AST_NODE_TYPES.Identifier
        )
          return;
        const binding = cron.get(callee.object.name);
        if (
          (binding === 'namespace' && callee.property.name === 'schedule') ||
          (binding === 'CronJob' && callee.property.name === 'from')
        ) {
          report(node, 'cron', `${callee.object.name}.${callee.property.name}()`);
        }
      },
      NewExpression(node) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && cron.get(node.callee.name) === 'CronJob')
          report(node, 'cron', `new ${node.callee.name}()`);
      },
    };
  },
});

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
}

/**
 * Module level, or inside start-up code only: a `listen(…)` callback, a module-level IIFE, or a
 * function named like `main`/`start`/`bootstrap`. Anywhere else (a handler, a class) a timer is
 * another rule's business or not process start-up.
 */
function atStartup(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      current.type !== AST_NODE_TYPES.FunctionExpression &&
      current.type !== AST_NODE_TYPES.FunctionDeclaration
    )
      continue;
    const parent = current.parent;
    const listenCallback =
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      parent.callee.property.type === AST_NODE_TYPES.Identifier &&
      parent.callee.property.name === 'listen';
    const iife = parent.type === AST_NODE_TYPES.CallExpression && parent.callee === current;
    const named =
      current.type === AST_NODE_TYPES.FunctionDeclaration
        ? current.id?.name
        : parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
          ? parent.id.name
          : undefined;
    if (!listenCallback && !iife && !(named !== undefined && STARTUP_NAME.test(named))) return false;
  }
  return true;
}

function statementOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !/Statement$|Declaration$/.test(current.type)) current = current.parent;
  return current;
}

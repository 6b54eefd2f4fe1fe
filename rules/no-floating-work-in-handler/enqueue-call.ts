import { DefinitionType } from '@typescript-eslint/scope-manager';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { memberName } from '../../src/handlers/member-name.js';
import { importPath } from '../../src/handlers/import-path.js';
import { unwrap } from '../../src/handlers/unwrap.js';
import type { ImportSource } from '../../src/handlers/types.js';
import { calleePath, matchesCalleePattern } from '../../src/handlers/callee-pattern.js';
import type { FileContext } from './file-context.js';
import { isImported, sourceOf, variableOf } from './file-context.js';

/** Durable queue clients: the class (module + export path) whose instances enqueue through `methods`. */
interface QueueClient {
  readonly module: string;
  readonly path: readonly string[];
  readonly methods: readonly string[];
}

const CLIENTS: readonly QueueClient[] = [
  { module: 'bullmq', path: ['Queue'], methods: ['add', 'addBulk'] },
  { module: 'pg-boss', path: [], methods: ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'] },
  { module: 'pg-boss', path: ['PgBoss'], methods: ['send', 'sendAfter', 'sendThrottled', 'sendDebounced', 'insert', 'publish'] },
  { module: 'graphile-worker', path: ['makeWorkerUtils'], methods: ['addJob', 'addJobs'] },
  { module: 'graphile-worker', path: ['WorkerUtils'], methods: ['addJob', 'addJobs'] },
  { module: 'fleet-runtime', path: ['*'], methods: ['enqueue'] },
];

/** Enqueue functions called directly: module → export name. */
const FUNCTIONS: readonly (readonly [string, string])[] = [
  ['fleet-runtime', 'enqueue'],
  ['graphile-worker', 'quickAddJob'],
];

/** Declaration files of queue classes, for the type-aware receiver check. */
const TYPED_CLIENTS: readonly (readonly [string, string, readonly string[]])[] = [
  ['/bullmq/', 'Queue', ['add', 'addBulk']],
  ['/pg-boss/', 'PgBoss', ['send', 'sendAfter', 'insert']],
  ['/graphile-worker/', 'WorkerUtils', ['addJob', 'addJobs']],
];

/**
 * When `call` enqueues durable work (fleet-runtime `enqueue`, BullMQ `Queue#add`, pg-boss `send`,
 * graphile-worker `addJob` / `quickAddJob`, or a `settings.fleet.queues` callee), its callee as
 * written (`this.queue.add`); otherwise `undefined`.
 */
export function isEnqueueCall(call: TSESTree.CallExpression, file: FileContext): string | undefined {
  const callee = unwrap(call.callee);
  const path = calleePath(callee);
  const text = path?.join('.') ?? 'enqueue';
  if (path && file.queues.some((pattern) => matchesCalleePattern(path, pattern))) return text;
  if (FUNCTIONS.some(([module, name]) => isImported(file, callee, [module], [name]))) return text;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = memberName(callee);
  if (method === undefined) return undefined;
  const receiver = unwrap(callee.object);
  const origin = receiverOrigin(receiver, file);
  if (origin && CLIENTS.some((client) => isClient(origin, client) && client.methods.includes(method))) return text;
  return file.types && isTypedClient(receiver, method, file) ? text : undefined;
}

function isClient(origin: ImportSource, client: QueueClient): boolean {
  if (origin.module !== client.module) return false;
  if (client.path[0] === '*') return true;
  const path = importPath(origin);
  return path.length === client.path.length && path.every((segment, i) => segment === client.path[i]);
}

function isTypedClient(receiver: TSESTree.Node, method: string, file: FileContext): boolean {
  const symbol = file.types?.getTypeAtLocation(receiver).getSymbol();
  if (!symbol) return false;
  return TYPED_CLIENTS.some(
    ([folder, name, methods]) =>
      symbol.name === name &&
      methods.includes(method) &&
      (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.includes(folder)),
  );
}

/**
 * The import a receiver was made from: `new Queue()` / `await makeWorkerUtils()` initialisers,
 * `queue: Queue` annotations on variables, parameters and class members (`this.queue`), and
 * without types, a queue instance exported by a project module.
 */
function receiverOrigin(receiver: TSESTree.Node, file: FileContext): ImportSource | undefined {
  const imported = file.importedValue?.(receiver);
  if (imported?.kind === 'instance') {
    // `boss` exported by a project module as `new PgBoss(...)`: the package class it was built from.
    const [name = 'default', ...members] = imported.of.path;
    return { module: imported.of.module, name, members };
  }
  if (receiver.type === AST_NODE_TYPES.Identifier) {
    const def = variableOf(file, receiver)?.defs[0];
    if (!def) return undefined;
    if (def.type === DefinitionType.Variable) return originOf(def.node.init, def.node.id.typeAnnotation, file);
    if (def.type === DefinitionType.Parameter && def.name.type === AST_NODE_TYPES.Identifier) return originOf(null, def.name.typeAnnotation, file);
    return undefined;
  }
  if (receiver.type !== AST_NODE_TYPES.MemberExpression || unwrap(receiver.object).type !== AST_NODE_TYPES.ThisExpression) {
    return undefined;
  }
  const name = memberName(receiver);
  let classBody: TSESTree.Node | undefined = receiver.parent;
  while (classBody && classBody.type !== AST_NODE_TYPES.ClassBody) classBody = classBody.parent;
  if (!classBody || name === undefined) return undefined;
  for (const member of classBody.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name) {
      return originOf(member.value, member.typeAnnotation, file);
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : undefined;
        if (target?.type === AST_NODE_TYPES.Identifier && target.name === name) return originOf(null, target.typeAnnotation, file);
      }
    }
  }
  return undefined;
}

function originOf(
  init: TSESTree.Expression | null,
  annotation: TSESTree.TSTypeAnnotation | undefined,
  file: FileContext,
): ImportSource | undefined {
  const value = init ? unwrap(init.type === AST_NODE_TYPES.AwaitExpression ? init.argument : init) : undefined;
  if (value && (value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression)) {
    const source = sourceOf(file, value.callee);
    if (source) return source;
  }
  const type = annotation?.typeAnnotation;
  return type?.type === AST_NODE_TYPES.TSTypeReference ? sourceOf(file, type.typeName) : undefined;
}

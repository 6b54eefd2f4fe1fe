/**
 * A cheap, exact-or-over test of "which project modules' imports could this module register as
 * handlers?", read from TypeScript's syntax tree of the module (the one shared parse,
 * `src/modules/module-source.ts`) without typescript-estree's conversion, scope analysis or the
 * handler model. `exportRegistrations` asks it before it builds an importer's model: an importer
 * whose uses of a module's imports cannot reach a registration argument registers nothing of
 * that module, so it is not parsed again.
 *
 * A registration (`importRegistrations`) names an imported value through a chain of member
 * reads from an import (`users.list`, `require('./auth').check`), optionally `.bind(...)` or
 * called once (`rateLimit()`), optionally inside an array or as a wrapper's argument, and the
 * whole stands as an argument of a framework's registration call or as a property value, an
 * export or an assignment. So every use of a name bound to a module's import (ESM imports,
 * `import x = require()`, `require()` and `import()` anywhere, and `const` aliases of those,
 * matched by name, so a shadowing local counts too) is followed up through those forms; the
 * module is a candidate unless every use ends where no value can flow on: a statement of its
 * own, an `await`ed or returned value, an arrow's result, a `const` inside a function holding a call's result, a
 * member read or call of a call's result (the import's chain ends at the first call that is not
 * `.bind`), an operand, a condition, an argument (or a property of an object argument) of a
 * method that is no framework's registration method (`res.json({ items: await users.list() })`),
 * itself in such a place, or an argument of a plain function called as a statement of its own
 * (`await enqueue(Task.notify(id))`). A call with an inline function argument
 * (`withAuth(async (req) => …)`) registers that function, never the import it calls.
 */
import type * as TS from 'typescript';
import { ts } from '../modules/typescript.js';
import { registeringMethods } from '../frameworks/index.js';

/**
 * Every method name some framework detector may read as a registration (the registry's
 * `registeringMethods`: Express, Koa, Hono, Fastify, Elysia, ...): an argument of one of these is
 * a candidate registration. A call whose callee is not a member read (`wrap(users.list)`) always is.
 */
const isRegisteringMethod = (name: string): boolean => registeringMethods().has(name);

function isTransparent(
  node: TS.Node,
): node is
  | TS.ParenthesizedExpression
  | TS.AsExpression
  | TS.NonNullExpression
  | TS.SatisfiesExpression
  | TS.TypeAssertion
  | TS.AwaitExpression
  | TS.ExpressionWithTypeArguments {
  return (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isAwaitExpression(node) ||
    ts.isExpressionWithTypeArguments(node)
  );
}

/** The parent of `node`; `undefined` for the source file (TypeScript's types say it always has one). */
function parentOf(node: TS.Node): TS.Node | undefined {
  return (node as { readonly parent?: TS.Node }).parent;
}

/** `node` seen through parentheses, type assertions and `await`: the outermost such wrapper. */
function outer(node: TS.Node): TS.Node {
  let current = node;
  for (let parent = parentOf(current); parent && isTransparent(parent); parent = parentOf(current)) current = parent;
  return current;
}

/**
 * True when the declared value may be exported: an `export const`, or any module-level `const`
 * (`export { handler as GET }` and `export default handler` name module-level bindings only).
 */
function isExported(declaration: TS.VariableDeclaration): boolean {
  const statement = declaration.parent.parent;
  return (
    ts.isVariableStatement(statement) &&
    (ts.isSourceFile(statement.parent) || (statement.modifiers ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
  );
}

function calleeName(call: TS.CallExpression): { name: string | undefined; member: boolean; object: TS.Node | undefined } {
  let callee: TS.Node = call.expression;
  while (isTransparent(callee)) callee = (callee as TS.ParenthesizedExpression).expression;
  if (ts.isPropertyAccessExpression(callee)) return { name: callee.name.text, member: true, object: callee.expression };
  return { name: undefined, member: false, object: undefined };
}

/**
 * True when the value of `node` (a call's result, or a chain of member reads from an import that
 * is not called) cannot reach a registration.
 */
function isSafe(node: TS.Node, chainEnded: boolean): boolean {
  const value = outer(node);
  const parent = parentOf(value);
  if (!parent) return true;
  if (ts.isExpressionStatement(parent) || ts.isReturnStatement(parent) || ts.isThrowStatement(parent)) return true;
  if (ts.isArrowFunction(parent)) return parent.body === value;
  if (ts.isVariableDeclaration(parent)) return parent.initializer === value ? chainEnded && !isExported(parent) : true;
  if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) return parent.expression === value ? chainEnded : true;
  if (ts.isCallExpression(parent)) {
    if (parent.expression === value) return false;
    const callee = calleeName(parent);
    // A plain function's call (`enqueue(Task.notify(x))`, `asyncHandler(users.list)`) may be a
    // wrapper whose result is registered or exported: only a statement of its own is safe.
    if (!callee.member) return isStatement(parent);
    const promise = callee.object !== undefined && ts.isIdentifier(callee.object) && callee.object.text === 'Promise';
    if (!promise && isRegisteringMethod(callee.name!)) return false;
    return isSafe(parent, true);
  }
  if (ts.isArrayLiteralExpression(parent)) return isSafe(parent, true);
  if (ts.isConditionalExpression(parent)) return parent.condition === value || isSafe(parent, true);
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator >= ts.SyntaxKind.FirstAssignment && operator <= ts.SyntaxKind.LastAssignment)
      return parent.right === value && isResponseAssignment(parent);
    if (
      operator === ts.SyntaxKind.AmpersandAmpersandToken ||
      operator === ts.SyntaxKind.BarBarToken ||
      operator === ts.SyntaxKind.QuestionQuestionToken ||
      operator === ts.SyntaxKind.CommaToken
    )
      return isSafe(parent, true);
    return true;
  }
  if ((ts.isPropertyAssignment(parent) && parent.initializer === value) || ts.isShorthandPropertyAssignment(parent))
    return isPassedOn(parent.parent);
  if (
    ts.isPropertyAssignment(parent) ||
    ts.isSpreadAssignment(parent) ||
    ts.isSpreadElement(parent) ||
    ts.isExportAssignment(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isDecorator(parent) ||
    ts.isJsxExpression(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isBindingElement(parent) ||
    ts.isTaggedTemplateExpression(parent) ||
    ts.isYieldExpression(parent) ||
    ts.isNewExpression(parent)
  )
    return false;
  return true;
}

const GLOBAL_OBJECTS = new Set(['module', 'exports', 'global', 'globalThis', 'window', 'self']);

/**
 * `ctx.body = …;`, `res.locals.user = …;`: a statement storing into a property of a local object
 * (not `module.exports`, `exports.x`, a global or `this`, whose properties other code may register).
 */
function isResponseAssignment(assignment: TS.BinaryExpression): boolean {
  let target: TS.Node = assignment.left;
  if (!ts.isPropertyAccessExpression(target) && !ts.isElementAccessExpression(target)) return false;
  while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) target = target.expression;
  return ts.isIdentifier(target) && !GLOBAL_OBJECTS.has(target.text) && isStatement(assignment);
}

/** True when the value of `node` is dropped: `f(x);`, `await f(x);`. */
function isStatement(node: TS.Node): boolean {
  const parent = parentOf(outer(node));
  return parent !== undefined && ts.isExpressionStatement(parent);
}

/**
 * True when an object literal (`{ items: users.list }`) can hold no registration: it is only an
 * argument of a method that registers nothing (`res.json({...})`), in a place {@link isSafe}
 * accepts, or a returned value. Anywhere else it may be a route's options
 * (`fastify.route({ handler })`, also through a `const`).
 */
function isPassedOn(object: TS.ObjectLiteralExpression): boolean {
  const value = outer(object);
  const parent = parentOf(value);
  // A returned object is a response body (route options are read from a literal or a `const`).
  if (parent && (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === value))) return true;
  if (parent && ts.isBinaryExpression(parent) && parent.right === value && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return isResponseAssignment(parent);
  if (!parent || !ts.isCallExpression(parent) || parent.expression === value) return false;
  const callee = calleeName(parent);
  return callee.member && !isRegisteringMethod(callee.name!) && isSafe(parent, true);
}

/**
 * `withAuth(async (req) => …)`: a call with an inline function argument. Wherever it stands, the
 * detectors take that function as the handler (`handlerFunctions`, Next.js's `functionValue`)
 * and record no registration of the call, so the call's callee is never a registered import.
 */
function wrapsInlineFunction(call: TS.CallExpression): boolean {
  return call.arguments.some((argument) => {
    let inner: TS.Node = argument;
    while (isTransparent(inner) && !ts.isAwaitExpression(inner)) inner = (inner as TS.ParenthesizedExpression).expression;
    return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner);
  });
}

/** True when `node` (an identifier) names something rather than reads a binding. */
function isNamePosition(node: TS.Identifier): boolean {
  const parent = node.parent as TS.Node & { readonly name?: TS.Node; readonly propertyName?: TS.Node; readonly label?: TS.Node };
  if (ts.isShorthandPropertyAssignment(parent) || ts.isExportSpecifier(parent)) return false;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  return parent.name === node || parent.propertyName === node || parent.label === node;
}

function specifierOf(node: TS.Node | undefined): string | undefined {
  if (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))) {
    const text = node.text;
    return text.startsWith('node:') ? text.slice(5) : text;
  }
  return undefined;
}

/** `require('m')` or `import('m')`: the specifier. */
function loadedSpecifier(node: TS.Node): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const callee = node.expression;
  const loads = (ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword;
  return loads ? specifierOf(node.arguments[0]) : undefined;
}

/** The names a binding pattern declares. */
function declaredNames(name: TS.BindingName, into: string[]): string[] {
  if (ts.isIdentifier(name)) into.push(name.text);
  else for (const element of name.elements) if (!ts.isOmittedExpression(element)) declaredNames(element.name, into);
  return into;
}

/**
 * The project modules (absolute paths, as `resolve` gives them) some of whose imports `source`
 * may register as handlers. `resolve(specifier)` resolves a specifier from the module (a package
 * gives `undefined`: packages are never registration targets here).
 */
export function registrationCandidates(source: TS.SourceFile, resolve: (specifier: string) => string | undefined): Set<string> {
  const uses = new Map<string, TS.Identifier[]>();
  const loads: TS.CallExpression[] = [];
  // TypeScript's parse leaves `parent` unset (`parseModule` does not ask for it): set while walking,
  // by one callback for every node (no closure per node).
  let parent: TS.Node = source;
  const setParent = (child: TS.Node): void => {
    (child as { parent: TS.Node }).parent = parent;
  };
  const visit = (node: TS.Node): void => {
    parent = node;
    ts.forEachChild(node, setParent);
    if (ts.isIdentifier(node)) {
      if (!isNamePosition(node)) {
        const list = uses.get(node.text);
        if (list) list.push(node);
        else uses.set(node.text, [node]);
      }
      return;
    }
    if (ts.isCallExpression(node) && loadedSpecifier(node) !== undefined) loads.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);

  const candidates = new Set<string>();
  const bound = new Map<string, Set<string>>();
  const pending: [string, string][] = [];
  const bind = (name: string, module: string): void => {
    const modules = bound.get(name) ?? new Set<string>();
    if (modules.has(module)) return;
    modules.add(module);
    bound.set(name, modules);
    pending.push([name, module]);
  };
  const resolved = (specifier: string | undefined): string | undefined => (specifier === undefined ? undefined : resolve(specifier));

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const module = resolved(specifierOf(statement.moduleSpecifier));
      const clause = statement.importClause;
      if (module === undefined || !clause) continue;
      if (clause.name) bind(clause.name.text, module);
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) bind(named.name.text, module);
      else if (named) for (const element of named.elements) bind(element.name.text, module);
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const module = resolved(specifierOf(statement.moduleReference.expression));
      if (module !== undefined) bind(statement.name.text, module);
    }
  }

  // Follows one use: up its chain of member reads to a call, an alias or the place its value goes.
  const follow = (start: TS.Node, module: string): void => {
    let node = outer(start);
    for (
      let up = parentOf(node);
      up && (ts.isPropertyAccessExpression(up) || ts.isElementAccessExpression(up)) && up.expression === node;
      up = parentOf(node)
    )
      node = outer(up);
    const parent = parentOf(node);
    if (parent && ts.isCallExpression(parent) && parent.expression === node) {
      if (!wrapsInlineFunction(parent) && !isSafe(parent, true)) candidates.add(module);
    } else if (parent && ts.isVariableDeclaration(parent) && parent.initializer === node) {
      // `const x = users.list`, `const { list } = users`: the alias's uses are followed too.
      for (const name of declaredNames(parent.name, [])) bind(name, module);
      if (isExported(parent)) candidates.add(module);
    } else if (!isSafe(node, false)) {
      candidates.add(module);
    }
  };

  for (const load of loads) {
    const module = resolved(loadedSpecifier(load));
    if (module !== undefined) follow(load, module);
  }
  while (pending.length > 0) {
    const [name, module] = pending.pop()!;
    if (candidates.has(module)) continue;
    for (const use of uses.get(name) ?? []) {
      follow(use, module);
      if (candidates.has(module)) break;
    }
  }
  return candidates;
}

/**
 * The `fleet routes` pre-filter: which files can register a route, decided before the costly
 * part (typescript-estree's conversion, scope analysis, the handler model). Two steps:
 *
 * 1. Text: a route file of a file-routed framework (`routeFile` in the registry) is kept by its
 *    path; a file with none of the registry's framework words (`mayRoute`) nor a generic
 *    registration word is skipped.
 * 2. Syntax, for the rest: TypeScript's parser alone (no ESTree conversion, no scopes) looks for
 *    a call that can register a route: an HTTP verb with a handler-shaped last argument
 *    (`router.get('/x', h)`, not `client.get('/x')` nor `client.post('/x', { body })`), a mount
 *    with a handler-shaped argument (`app.use(auth)`), a route object (`fastify.route({...})`,
 *    `app.openapi(route, h)`, Elysia's `ws`), a NestJS `@Controller`, or a `'use server'`
 *    directive. Outline's front end (`collections.get(id)`, `client.post("/x", {...})`) fails
 *    step 2 where it passed step 1.
 *
 * Measured on the 21 repositories of `bench/repos.json` and every sample app: every file that
 * contributes a route passes both steps (`docs/performance.md`, "fleet routes").
 */
import ts from 'typescript';
import { declaredCalls, FRAMEWORKS } from '../frameworks/index.js';
import { skipWrappers } from '../modules/ts-nodes.js';
import type { FleetSettings } from '../settings.js';
import { mayCallHelper } from '../handlers/detectors/registration-helpers.js';

/** Route methods of every registered framework's detector (the registry's `registrationCalls.verbs`): a route needs a path and a handler after it. */
export const VERBS: ReadonlySet<string> = declaredCalls('verbs');
/** Mounts: one handler-shaped argument (the registry's `registrationCalls.mounts`: `use(auth)`, `register(plugin, { prefix })`). */
export const MOUNTS: ReadonlySet<string> = declaredCalls('mounts');
/** Calls whose arguments may be a route object rather than a handler (the registry's `registrationCalls.routeObjects`: `route({ method, url, handler })`). */
export const ROUTE_OBJECTS: ReadonlySet<string> = declaredCalls('routeObjects');
/** Class decorators that make a class's methods routes (the registry's `registrationCalls.classDecorators`). */
export const DECORATORS: ReadonlySet<string> = declaredCalls('classDecorators');

// Step 1's generic registration words, for objects that come from elsewhere (a parameter, a
// project import, `this.router`): a call of any name step 2 reads.
const CALL_NAMES = [...VERBS, ...MOUNTS, ...ROUTE_OBJECTS].join('|');
const GENERIC = String.raw`[Rr]oute|app\.|\.(?:${CALL_NAMES})\(|\]\s*\(|use server`;
/** Step 1's text test: a registry framework word, or a generic registration word. */
export const MAY_ROUTE = new RegExp(
  [...FRAMEWORKS.flatMap((framework) => framework.mayRoute).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), GENERIC].join('|'),
);

/** A value that can be a handler or a router: a function, a reference, a call that builds one, a list of them. */
function handlerShaped(node: ts.Expression): boolean {
  const value = skipWrappers(node);
  return (
    ts.isArrowFunction(value) ||
    ts.isFunctionExpression(value) ||
    ts.isIdentifier(value) ||
    ts.isPropertyAccessExpression(value) ||
    ts.isElementAccessExpression(value) ||
    ts.isCallExpression(value) ||
    ts.isArrayLiteralExpression(value) ||
    ts.isSpreadElement(value) ||
    value.kind === ts.SyntaxKind.ThisKeyword
  );
}

function registers(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const args = call.arguments;
  // `router[method](path, handler)`
  if (ts.isElementAccessExpression(callee)) return args.length >= 2 && handlerShaped(args[args.length - 1]!);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const name = callee.name.text;
  if (ROUTE_OBJECTS.has(name)) return true;
  if (VERBS.has(name)) return args.length >= 2 && handlerShaped(args[args.length - 1]!);
  if (MOUNTS.has(name)) return args.some(handlerShaped);
  return false;
}

function decoratedController(node: ts.Node): boolean {
  if (!ts.isDecorator(node)) return false;
  const expression = ts.isCallExpression(node.expression) ? node.expression.expression : node.expression;
  return ts.isIdentifier(expression) && DECORATORS.has(expression.text);
}

/** Whether the module's syntax holds a call or decorator that can register a route (step 2). */
export function registersRoutes(filename: string, text: string): boolean {
  const kind = /\.[cm]?jsx?$/.test(filename)
    ? /x$/.test(filename)
      ? ts.ScriptKind.JSX
      : ts.ScriptKind.JS
    : /x$/.test(filename)
      ? ts.ScriptKind.TSX
      : ts.ScriptKind.TS;
  // Server actions: a module-level or function-level directive.
  if (/['"]use server['"]/.test(text)) return true;
  const file = ts.createSourceFile(
    filename,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    kind,
  );
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isCallExpression(node) && registers(node)) || decoratedController(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const CALL = new RegExp(String.raw`\.\s*(${CALL_NAMES})\b|\]\s*\(|@\s*(?:${[...DECORATORS].join('|')})\b`, 'g');

/**
 * Reads a call's argument list from its opening parenthesis: for each top-level argument, whether
 * it is a lone literal (an object literal, a string without interpolation, a number) and nothing
 * else. `plain` is false where a plain reading could be wrong (a comment, a regular expression or
 * a division, an interpolated template, an escape, `<` of JSX or type arguments, no closing
 * parenthesis): the caller then leaves the file to the parser.
 */
function readArguments(text: string, open: number): { readonly literal: boolean[]; readonly plain: boolean } {
  const literal: boolean[] = [];
  let depth = 0;
  // Inside the current top-level argument: `start` of its first token, `closed` once a literal ended.
  let start = true;
  let closed = false;
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') continue;
    if (char === '/' || char === '<' || char === '\\') return { literal, plain: false };
    if (depth === 0) {
      if (char === ')') return { literal, plain: true };
      if (char === ',') {
        start = true;
        closed = false;
        continue;
      }
      if (start) {
        start = false;
        literal.push(/["'`{0-9]/.test(char));
      } else if (closed) {
        // Something follows the literal (`'a' + b`, `{...}.x`): not a lone literal.
        literal[literal.length - 1] = false;
        closed = false;
      }
    }
    if (char === '"' || char === "'" || char === '`') {
      const close = text.indexOf(char, i + 1);
      if (close === -1 || text.slice(i, close).includes('\\') || (char === '`' && text.slice(i, close).includes('${')))
        return { literal, plain: false };
      i = close;
      if (depth === 0) closed = true;
    } else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') {
      if (depth === 0) return { literal, plain: false };
      depth--;
      if (depth === 0 && char === '}' && literal[literal.length - 1] === true) closed = true;
    } else if (depth === 0 && /[0-9]/.test(char) && literal[literal.length - 1] === true) {
      // The digits of a number literal: read on until something else follows.
      while (i + 1 < text.length && /[0-9_.xXa-fA-FnoObB]/.test(text[i + 1]!)) i++;
      closed = true;
    }
  }
  return { literal, plain: false };
}

/**
 * Step 1½: a text scan that never says no where step 2 would say yes. Each candidate call's
 * argument list is read plainly (strings skipped, brackets balanced); a mount whose arguments are
 * all lone literals, or a verb with fewer than two arguments or a lone literal last, registers
 * nothing. Anything the scan cannot read plainly is left to the parser.
 */
export function textMayRegister(text: string): boolean {
  if (/['"]use server['"]/.test(text)) return true;
  for (const match of text.matchAll(CALL)) {
    const name = match[1];
    if (name === undefined) {
      if (match[0].startsWith('@')) return true;
      // `x[m](...)`: the match ends at the opening parenthesis.
      const { literal, plain } = readArguments(text, match.index + match[0].length - 1);
      if (!plain || (literal.length >= 2 && !literal[literal.length - 1])) return true;
      continue;
    }
    if (ROUTE_OBJECTS.has(name)) return true;
    let open = match.index + match[0].length;
    while (open < text.length && /\s/.test(text[open]!)) open++;
    if (text[open] !== '(') {
      // `.get<T>(...)`, `.get?.(...)`; otherwise no call here (`.get` read as a value).
      if (text[open] === '<' || text[open] === '?') return true;
      continue;
    }
    const { literal, plain } = readArguments(text, open);
    if (!plain) return true;
    if (VERBS.has(name) ? literal.length >= 2 && !literal[literal.length - 1] : literal.some((lone) => !lone)) return true;
  }
  return false;
}

/** Whether `filename` can register a route: a route file by its path, or a module passing both steps above. Declared handlers turn the filter off. */
export function mayRoute(filename: string, text: string, settings: FleetSettings): boolean {
  if (settings.handlers.length > 0 || settings.handlerFiles.length > 0) return true;
  if (FRAMEWORKS.some((framework) => framework.routeFile?.(filename) === true)) return true;
  // A call of a registration helper (`setupPageRoute(app, '/login', …)`): the helper's body decides.
  if (mayCallHelper(text, settings.heuristics)) return true;
  return MAY_ROUTE.test(text) && textMayRegister(text) && registersRoutes(filename, text);
}

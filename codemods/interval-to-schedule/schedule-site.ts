/**
 * From a `no-process-local-schedule` report to the recurring work: the statement to remove,
 * the callback's body for the executor, and the cadence (`every` or `cron`) for the schedule.
 */
import { Node } from 'ts-morph';
import type { CallExpression, SourceFile } from 'ts-morph';
import { bail } from '../spawn-to-taskspec/bail.js';
import type { Bail } from '../spawn-to-taskspec/bail.js';
import { firstCall, functionBody, nodeAt } from '../spawn-to-taskspec/site-work.js';

/** The recurring work of one site. */
export interface ScheduleWork {
  /** The statement that starts the timer or job; removed. */
  readonly statement: Node;
  /** The callback (or function reference) whose captures are checked. */
  readonly work: Node;
  readonly body: readonly string[];
  /** `every: <ms>` or `cron: <expr>`, as source text. */
  readonly cadence: string;
  readonly nameCall: CallExpression | undefined;
}

/** The work behind the report at `[start, end)`, or why it cannot be moved. */
export function scheduleWork(file: SourceFile, start: number, end: number): ScheduleWork | Bail {
  const call = nodeAt(file, start, end);
  if (!call || !Node.isCallExpression(call)) {
    return bail(
      'unsupported-site',
      'Only `setInterval(fn, ms)` and node-cron `schedule(expr, fn)` calls are moved; declare this schedule by hand.',
    );
  }
  const statement = statementOf(call);
  if (!statement)
    return bail(
      'unsupported-site',
      'The timer handle is kept (assigned or passed on), so the code may clear or inspect it; remove that use and re-run.',
    );
  const callee = call.getExpression().getText();
  const args = call.getArguments();
  const interval = callee === 'setInterval';
  const [fn, cadence, ...extra] = interval ? args : [args[1], args[0], ...args.slice(2)];
  if (!fn || !cadence || extra.length > 0)
    return bail(
      'timer-arguments',
      `\`${callee}()\` has ${extra.length > 0 ? 'options or extra arguments' : 'no callback or cadence'}; declare this schedule by hand.`,
    );
  // The schedule lives in another file, so a constant is replaced by its literal value.
  const literal = literalOf(cadence);
  if (literal === undefined)
    return bail(
      'unsupported-site',
      `The ${interval ? 'interval' : 'cron expression'} is computed; use a literal or a \`const\` initialised with one, and re-run.`,
    );
  const text = interval ? `every: ${literal}` : `cron: ${literal}`;
  if (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) {
    if (fn.getParameters().length > 0)
      return bail('timer-arguments', 'The callback takes parameters; the codemod cannot tell what they receive.');
    return { statement, work: fn, body: functionBody(fn), cadence: text, nameCall: firstCall(fn) };
  }
  if (Node.isIdentifier(fn) || Node.isPropertyAccessExpression(fn))
    return { statement, work: fn, body: [`await ${fn.getText()}();`], cadence: text, nameCall: undefined };
  return bail('unsupported-site', 'The callback is not a function expression or a name; declare this schedule by hand.');
}

/** The expression statement that is only this call, possibly `.unref()`-ed. */
function statementOf(call: CallExpression): Node | undefined {
  let current: Node = call;
  const parent = current.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'unref' && Node.isCallExpression(parent.getParent()))
    current = parent.getParentOrThrow();
  const statement = current.getParent();
  return Node.isExpressionStatement(statement) ? statement : undefined;
}

/** A numeric or string literal's text, following a `const` initialised with one. */
function literalOf(node: Node): string | undefined {
  if (Node.isNumericLiteral(node) || Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getText();
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getValueDeclaration();
  if (!Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== 'const') return undefined;
  const initializer = declaration.getInitializer();
  return initializer ? literalOf(initializer) : undefined;
}

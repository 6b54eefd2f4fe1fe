/**
 * Plans one site: capture analysis, then either the rewrite (call-site edit, TaskSpec variant,
 * executor and its test, registration) or a bail with its reason. Nothing is written here.
 */
import path from 'node:path';
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression, Project, SourceFile } from 'ts-morph';
import type { ChangeSet } from '../shared/change-set.js';
import { enqueueCall, variantName } from '../shared/enqueue-call.js';
import { newlineOf } from '../shared/text-edit.js';
import type { ReportedSite } from '../shared/find-sites.js';
import type { Bail } from './bail.js';
import { bail } from './bail.js';
import { captures } from './captures.js';
import type { Capture } from './captures.js';
import { executorSource, importFor } from './executor-source.js';
import { executorNodeTestSource, mockedNamedImport } from './executor-node-test-source.js';
import { executorTestSource } from './executor-test-source.js';
import type { Runner } from './executor-test-source.js';
import type { ExecutorRegistry } from './executor-registry.js';
import { camelCase, kebabCase, specifierFor, usesJsExtensions } from './module-paths.js';
import { renderSchema } from './render-schema.js';
import type { Validator } from './render-schema.js';
import type { SiteReport } from './report.js';
import { passSignal, signalArgument } from './signal.js';
import { combinedCalls, siteWork } from './site-work.js';
import type { TasksFile } from './tasks-file.js';

/** Shared state of one run. */
export interface PlanContext {
  readonly root: string;
  readonly project: Project;
  readonly changes: ChangeSet;
  readonly tasks: TasksFile;
  readonly registry: ExecutorRegistry;
  readonly validator: Validator;
  readonly runner: Runner | undefined;
  readonly forbidden: readonly string[];
  readonly allowLossy: boolean;
  readonly markBailouts: boolean;
}

/** Plans `site` into `context.changes` and returns its report entry. */
export function planSite(context: PlanContext, site: ReportedSite): SiteReport {
  const report: SiteReport = {
    file: site.file,
    line: site.line,
    column: site.column,
    messageId: site.messageId,
    action: 'rewritten',
    captures: [],
    generated: [],
  };
  const file = context.project.getSourceFile(site.file) ?? context.project.addSourceFileAtPath(site.file);
  // Sites come in file order: a site inside the work of a site already rewritten (`void x()` in
  // an async IIFE or a timer callback) moved into that executor with it, where it is awaited.
  if (context.changes.overlaps(site.file, site)) {
    report.message = 'moved with the enclosing site rewritten in this run (awaited in its executor)';
    return report;
  }
  const outcome = plan(context, file, site, report);
  if ('reason' in outcome) {
    report.action = 'bailed';
    report.reason = outcome.reason;
    report.message = outcome.message;
    if (context.markBailouts) markBailout(context.changes, site.file, site.start, outcome.reason);
  }
  return report;
}

function plan(context: PlanContext, file: SourceFile, site: ReportedSite, report: SiteReport): Bail | { ok: true } {
  const { changes } = context;
  const work = siteWork(file, site.messageId, site.start, site.end);
  if ('reason' in work) return work;
  const asyncEdit = makeAsync(work.site);
  if ('reason' in asyncEdit) return asyncEdit;
  if ('awaitOnly' in work) {
    const node = work.site;
    changes.edit(
      site.file,
      Node.isVoidExpression(node)
        ? { start: node.getStart(), end: node.getStart() + 4, text: 'await' }
        : { start: node.getStart(), end: node.getStart(), text: 'await ' },
    );
    if (asyncEdit.edit) changes.edit(site.file, asyncEdit.edit);
    report.message = 'awaited the enqueue';
    return { ok: true };
  }
  const found = captures(file, work.analysed, work.site, context.forbidden);
  report.captures = found.map(({ name, class: kind, why }) => ({ name, class: kind, ...(why ? { why } : {}) }));
  const stop = found.find(
    (capture) => capture.class === 'forbidden' || capture.class === 'written-inside' || (capture.class === 'lossy' && !context.allowLossy),
  );
  if (stop)
    return bail(
      stop.class === 'forbidden' ? 'forbidden-capture' : stop.class === 'lossy' ? 'lossy-capture' : 'written-inside',
      `\`${stop.name}\`: ${stop.why ?? stop.class}.`,
    );
  // `Promise.allSettled([sendEmail(…), recordAudit(…)])` is named after the calls it combines.
  const combined = combinedCalls(work.nameCall);
  const nameCall = combined?.[0] ?? work.nameCall;
  const names = [...new Set((combined?.length ? combined : nameCall ? [nameCall] : []).map(calleeNameOf))].filter(
    (name) => name !== undefined,
  );
  const calleeName = (names.length > MAX_NAMES ? [...names.slice(0, MAX_NAMES), 'more'] : names).map(variantName).join('And');
  if (!calleeName)
    return bail(
      'no-name',
      'The work has no named call to name the task after; move it into a named async function (`sendReport(...)`) and re-run.',
    );
  const variant = variantName(calleeName);
  const fields = found.filter((capture) => capture.shape !== undefined);
  const schema = renderSchema(
    context.validator,
    fields.map((capture) => ({ name: capture.name, shape: capture.shape!, optional: capture.optional ?? false })),
  );
  const added = context.tasks.add(variant, schema);
  if (added === 'conflict')
    return bail(
      'name-conflict',
      `\`${context.tasks.binding}.${variant}\` already exists with a different payload; rename one of the calls or the existing variant, then re-run.`,
    );
  const tasksDir = path.dirname(context.tasks.path);
  const executorFile = path.join(tasksDir, 'executors', `${kebabCase(variant)}.ts`);
  const js = usesJsExtensions(changes.original(site.file));
  const imports: string[] = [];
  for (const capture of found.filter((entry) => entry.class === 'module-level')) {
    const line = importFor(capture, site.file, executorFile, js);
    if (typeof line !== 'string')
      return bail(
        'module-local',
        `\`${line.notExported}\` is a top-level binding of this file that is not exported, so the executor cannot import it; export it and re-run.`,
      );
    imports.push(line);
  }
  if (asyncEdit.edit) changes.edit(site.file, asyncEdit.edit);
  changes.edit(site.file, { start: site.start, end: site.end, text: callSite(context.tasks.binding, variant, fields, work.delay) });
  addSiteImports(context, file, site.file, js);
  const binding = `${camelCase(variant)}Task`;
  const signal = nameCall && Node.isCallExpression(nameCall) ? signalArgument(nameCall) : undefined;
  const body = (signal && nameCall && passSignal(work.body, nameCall, signal)) || work.body;
  const source = executorSource(
    {
      variant,
      binding,
      file: executorFile,
      siteFile: site.file,
      siteLine: site.line,
      root: context.root,
      tasksFile: context.tasks.path,
      tasksBinding: context.tasks.binding,
      captures: found,
      body,
      jsExtensions: js,
      usesContext: body !== work.body,
    },
    imports,
  );
  report.generated.push(generated(changes.create(executorFile, source), executorFile));
  if (!context.registry.register(variant, binding, executorFile))
    report.message = `register \`${binding}\` in your \`createFleet({ executors })\``;
  const test = testFor(context, nameCall, found, { variant, binding, executorFile, js, siteFile: site.file });
  if (test) report.generated.push(generated(changes.create(test.file, test.text), test.file));
  report.variant = `${context.tasks.binding}.${variant}`;
  const review = found.find((capture) => capture.class === 'untyped' || capture.class === 'reassigned-let' || capture.class === 'lossy');
  if (review) {
    report.action = 'needs-review';
    report.message = `\`${review.name}\`: ${review.why ?? review.class}.`;
  }
  return { ok: true };
}

/** Calls named in a combined task's name (`SendEmailAndRecordAuditAndNotifyOpsAndMore`). */
const MAX_NAMES = 3;

function calleeNameOf(call: CallExpression): string | undefined {
  const callee = call.getExpression();
  return Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
}

function generated(created: boolean, file: string): string {
  return created ? file : `${file} (exists)`;
}

function callSite(tasks: string, variant: string, fields: readonly Capture[], delay: string | undefined): string {
  return enqueueCall(
    tasks,
    variant,
    fields.map((capture) => ({ name: capture.name, scalar: capture.shape?.kind === 'string' || capture.shape?.kind === 'number' })),
    delay,
  );
}

function addSiteImports(context: PlanContext, file: SourceFile, siteFile: string, js: boolean): void {
  const declarations = file.getImportDeclarations();
  const after = declarations.at(-1)?.getEnd() ?? directivesEnd(file);
  const imports = (module: string, name: string) =>
    declarations.some(
      (declaration) =>
        declaration.getModuleSpecifierValue() === module && declaration.getNamedImports().some((named) => named.getName() === name),
    );
  if (
    !declarations.some(
      (declaration) =>
        declaration.getModuleSpecifierValue() === 'fleet-runtime' &&
        declaration.getNamedImports().some((named) => named.getName() === 'enqueue'),
    )
  ) {
    context.changes.addImport(siteFile, "import { enqueue } from 'fleet-runtime';", after);
  }
  const tasks = specifierFor(siteFile, context.tasks.path, js);
  if (path.normalize(siteFile) !== context.tasks.path && !imports(tasks, context.tasks.binding)) {
    context.changes.addImport(siteFile, `import { ${context.tasks.binding} } from '${tasks}';`, after);
  }
}

function directivesEnd(file: SourceFile): number {
  let end = 0;
  for (const statement of file.getStatements()) {
    if (Node.isExpressionStatement(statement) && Node.isStringLiteral(statement.getExpression())) end = statement.getEnd();
    else break;
  }
  return end;
}

/** The enclosing function must be async for `await`; a route callback can simply become one. */
function makeAsync(site: Node): Bail | { edit?: { start: number; end: number; text: string } } {
  const fn = site.getFirstAncestor(
    (node) =>
      Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node),
  );
  if (
    !fn ||
    !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) || Node.isFunctionDeclaration(fn) || Node.isMethodDeclaration(fn))
  ) {
    return bail('sync-function', 'The site is not inside a function; `await` cannot be added here.');
  }
  if (fn.isAsync()) return {};
  const callback =
    Node.isCallExpression(fn.getParent()) || (Node.isFunctionDeclaration(fn) && fn.isExported()) || Node.isMethodDeclaration(fn);
  if (!callback)
    return bail(
      'sync-function',
      'The site is in a synchronous helper whose callers would not await it; make the helper `async`, await it in the handler, and re-run.',
    );
  const at = Node.isMethodDeclaration(fn) ? fn.getNameNode().getStart() : fn.getStart();
  const modifiers = Node.isFunctionDeclaration(fn) ? (fn.getFirstChildByKind(SyntaxKind.FunctionKeyword)?.getStart() ?? at) : at;
  return { edit: { start: modifiers, end: modifiers, text: 'async ' } };
}

export function markBailout(changes: ChangeSet, file: string, start: number, reason: string): void {
  const text = changes.original(file);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  if (text.slice(Math.max(0, lineStart - 200), lineStart).includes('fleet-codemod-bailout')) return;
  changes.edit(file, { start: lineStart, end: lineStart, text: `${indent}// fleet-codemod-bailout: ${reason}${newlineOf(text)}` });
}

function testFor(
  context: PlanContext,
  nameCall: Node | undefined,
  found: readonly Capture[],
  target: { variant: string; binding: string; executorFile: string; js: boolean; siteFile: string },
) {
  if (!context.runner || !nameCall || !Node.isCallExpression(nameCall)) return undefined;
  const callee = nameCall.getExpression();
  const rootName = callee.getText().split('.')[0];
  const capture = found.find((entry) => entry.class === 'module-level' && entry.name === rootName);
  if (!capture || !/^[\w$.]+$/.test(callee.getText())) return undefined;
  const file = target.executorFile.replace(/\.ts$/, '.test.ts');
  const mockedImport = importFor(capture, target.siteFile, file, target.js);
  const specifier = /from '([^']+)'/.exec(typeof mockedImport === 'string' ? mockedImport : '')?.[1];
  if (typeof mockedImport !== 'string' || specifier === undefined || specifier === 'fleet-runtime') return undefined;
  const payload = found
    .filter((entry) => entry.shape !== undefined)
    .map((entry) => ({ name: entry.name, shape: entry.shape!, optional: entry.optional ?? false }));
  const input = {
    runner: context.runner,
    variant: target.variant,
    binding: target.binding,
    executorSpecifier: specifierFor(file, target.executorFile, target.js),
    tasksSpecifier: specifierFor(file, context.tasks.path, target.js),
    tasksBinding: context.tasks.binding,
    mockedImport,
    mockedSpecifier: specifier,
    callee: callee.getText(),
    payload,
  };
  if (context.runner !== 'node:test') return { file, text: executorTestSource(input) };
  // node:test mocks a module by its named exports: only a call to a named import can be mocked.
  const named = mockedNamedImport(mockedImport, callee.getText());
  return named ? { file, text: executorNodeTestSource(input, named) } : undefined;
}

/**
 * `fleet codemod interval-to-schedule`: each process-local schedule `no-process-local-schedule`
 * reports (a start-up `setInterval`, a node-cron job) becomes a TaskSpec variant with an empty
 * payload, an executor, and a `defineSchedule({ name, task, every | cron, overlap })` in the
 * project's `createFleet({ schedules })`; the timer statement is removed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Node, Project } from 'ts-morph';
import { ChangeSet } from '../shared/change-set.js';
import { writeAtomic } from '../shared/atomic-write.js';
import { findSites } from '../shared/find-sites.js';
import { unifiedDiff } from '../shared/unified-diff.js';
import { bail } from '../spawn-to-taskspec/bail.js';
import type { Bail } from '../spawn-to-taskspec/bail.js';
import { captures } from '../spawn-to-taskspec/captures.js';
import { ExecutorRegistry } from '../spawn-to-taskspec/executor-registry.js';
import { executorSource, importFor } from '../spawn-to-taskspec/executor-source.js';
import { camelCase, kebabCase, usesJsExtensions } from '../spawn-to-taskspec/module-paths.js';
import { variantName } from '../shared/enqueue-call.js';
import { DEFAULT_FORBIDDEN } from '../spawn-to-taskspec/payload-shape.js';
import { markBailout } from '../spawn-to-taskspec/plan-site.js';
import { renderSchema } from '../spawn-to-taskspec/render-schema.js';
import type { CodemodReport, SiteReport } from '../spawn-to-taskspec/report.js';
import type { SpawnToTaskspecOptions } from '../spawn-to-taskspec/run.js';
import { TasksFile } from '../spawn-to-taskspec/tasks-file.js';
import { typecheckChanges } from '../spawn-to-taskspec/typecheck.js';
import { FleetSchedules } from './fleet-schedules.js';
import { scheduleWork } from './schedule-site.js';

/** Same options as spawn-to-taskspec (`allowLossy` and `forbid` apply to captures alike). */
export type IntervalToScheduleOptions = SpawnToTaskspecOptions;

/** Runs the codemod and returns its report (files are written unless `dry`). */
export async function runIntervalToSchedule(options: IntervalToScheduleOptions): Promise<CodemodReport> {
  const started = performance.now();
  const { sites, fatal } = await findSites({
    root: options.root,
    files: options.files,
    ruleId: 'no-process-local-schedule',
    types: options.types,
  });
  const lintMs = performance.now() - started;
  const changes = new ChangeSet();
  const tsconfig = path.join(options.root, 'tsconfig.json');
  const project = existsSync(tsconfig)
    ? new Project({ tsConfigFilePath: tsconfig })
    : new Project({ compilerOptions: { allowJs: true, strict: true } });
  const fallback = options.tasks ?? path.join(options.root, existsSync(path.join(options.root, 'src')) ? 'src' : '', 'tasks.ts');
  const tasks = TasksFile.locate(project, fallback, 'zod');
  const registry = ExecutorRegistry.locate(project);
  const schedules = FleetSchedules.locate(project);
  const reports = sites.map((site): SiteReport => {
    const report: SiteReport = {
      file: site.file,
      line: site.line,
      column: site.column,
      messageId: site.messageId,
      action: 'rewritten',
      captures: [],
      generated: [],
    };
    const file = project.getSourceFile(site.file) ?? project.addSourceFileAtPath(site.file);
    const outcome = plan(file, site.start, site.end, site.line, report);
    if ('reason' in outcome) {
      Object.assign(report, { action: 'bailed', reason: outcome.reason, message: outcome.message });
      if (options.markBailouts) markBailout(changes, site.file, site.start, outcome.reason);
    }
    return report;
  });

  function plan(
    file: ReturnType<Project['addSourceFileAtPath']>,
    start: number,
    end: number,
    line: number,
    report: SiteReport,
  ): Bail | { ok: true } {
    if (!schedules.found)
      return bail(
        'not-found',
        'The project has no `createFleet({...})` call to declare schedules in; start fleet-runtime first (see docs/runtime/concepts.md) and re-run.',
      );
    const work = scheduleWork(file, start, end);
    if ('reason' in work) return work;
    const found = captures(file, [work.work], work.statement, [...DEFAULT_FORBIDDEN, ...options.forbid]);
    report.captures = found.map(({ name, class: kind, why }) => ({ name, class: kind, ...(why ? { why } : {}) }));
    const local = found.find((capture) => capture.class !== 'module-level' && capture.class !== 'global');
    if (local)
      return bail(
        'forbidden-capture',
        `\`${local.name}\` is a local of the start-up code; a schedule's task has a fixed payload, so move the value to module level and re-run.`,
      );
    const callee = work.nameCall?.getExpression();
    const calleeName = Node.isIdentifier(work.work)
      ? work.work.getText()
      : callee && (Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined);
    if (!calleeName)
      return bail(
        'no-name',
        'The recurring work has no named call to name the task after; move it into a named async function and re-run.',
      );
    const variant = variantName(calleeName);
    const name = kebabCase(variant);
    if (schedules.has(name))
      return bail('name-conflict', `A schedule named \`${name}\` already exists; rename the function or the schedule, then re-run.`);
    if (tasks.add(variant, renderSchema('zod', [])) === 'conflict')
      return bail(
        'name-conflict',
        `\`${tasks.binding}.${variant}\` already exists with a payload; rename the function or the variant, then re-run.`,
      );
    const executorFile = path.join(path.dirname(tasks.path), 'executors', `${name}.ts`);
    const js = usesJsExtensions(changes.original(file.getFilePath()));
    const imports: string[] = [];
    for (const capture of found.filter((entry) => entry.class === 'module-level')) {
      const text = importFor(capture, path.normalize(file.getFilePath()), executorFile, js);
      if (typeof text !== 'string')
        return bail(
          'module-local',
          `\`${text.notExported}\` is a top-level binding of this file that is not exported, so the executor cannot import it; export it and re-run.`,
        );
      imports.push(text);
    }
    const binding = `${camelCase(variant)}Task`;
    const siteFile = path.normalize(file.getFilePath());
    const created = changes.create(
      executorFile,
      executorSource(
        {
          variant,
          binding,
          file: executorFile,
          siteFile,
          siteLine: line,
          root: options.root,
          tasksFile: tasks.path,
          tasksBinding: tasks.binding,
          captures: [],
          body: work.body,
          jsExtensions: js,
        },
        imports,
      )
        .replace('used to start without awaiting it', 'used to run in every process')
        .replace('fleet codemod spawn-to-taskspec', 'fleet codemod interval-to-schedule'),
    );
    report.generated.push(created ? executorFile : `${executorFile} (exists)`);
    registry.register(variant, binding, executorFile);
    schedules.add(`defineSchedule({ name: '${name}', task: ${tasks.binding}.${variant}({}), ${work.cadence}, overlap: 'skip' })`);
    removeStatement(changes, siteFile, work.statement);
    report.variant = `${tasks.binding}.${variant}`;
    return { ok: true };
  }

  tasks.flush(changes);
  registry.flush(changes);
  schedules.flush(changes, tasks.path, tasks.binding);
  let results = changes.results();
  const rejected = options.typecheck ? typecheckChanges(project, results) : new Map<string, string>();
  results = results.filter((entry) => !rejected.has(entry.file));
  for (const entry of results) {
    if (options.dry)
      options.write(unifiedDiff(path.relative(options.root, entry.file).split(path.sep).join('/'), entry.before ?? '', entry.after));
    else writeAtomic(options.root, entry.file, entry.after);
  }
  const changed = new Set(results.map((entry) => entry.file));
  const files = [
    ...options.files.map((file) => ({
      file,
      status: rejected.has(file) ? ('error' as const) : changed.has(file) ? ('ok' as const) : ('skipped' as const),
      ...(rejected.has(file) ? { error: rejected.get(file)! } : {}),
    })),
    ...fatal.map((entry) => ({ file: entry.file, status: 'error' as const, error: entry.message })),
  ];
  const count = (action: string) => reports.filter((report) => report.action === action).length;
  return {
    version: 1,
    tool: 'fleet codemod interval-to-schedule',
    root: options.root,
    files,
    sites: reports,
    notes: [],
    summary: {
      rewritten: count('rewritten'),
      bailed: count('bailed'),
      needsReview: 0,
      errors: files.filter((file) => file.status === 'error').length,
      filesChanged: results.length,
    },
    timings: {
      lintMs: Math.round(lintMs),
      analyseMs: Math.round(performance.now() - started - lintMs),
      totalMs: Math.round(performance.now() - started),
    },
  };
}

/** Deletes a statement with its line when it stands alone on it. */
function removeStatement(changes: ChangeSet, file: string, statement: Node): void {
  const text = changes.original(file);
  const lineStart = text.lastIndexOf('\n', statement.getStart() - 1) + 1;
  const alone = text.slice(lineStart, statement.getStart()).trim() === '';
  const newline = /^[ \t]*(?:\/\/[^\n]*)?\r?\n/.exec(text.slice(statement.getEnd()));
  if (alone && newline && !newline[0].includes('//'))
    changes.edit(file, { start: lineStart, end: statement.getEnd() + newline[0].length, text: '' });
  else changes.edit(file, { start: statement.getStart(), end: statement.getEnd(), text: '' });
}

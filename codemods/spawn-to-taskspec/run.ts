/**
 * `fleet codemod spawn-to-taskspec`: find the sites with the rule, plan every site against one
 * read-only TypeScript program, optionally type-check the result, then print a diff or write.
 * Loaded lazily by the CLI: this module is the only door to ts-morph.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Project } from 'ts-morph';
import { ChangeSet } from '../shared/change-set.js';
import { writeAtomic } from '../shared/atomic-write.js';
import { findSites } from '../shared/find-sites.js';
import { limitHeapGrowth } from '../shared/heap-growth.js';
import { unifiedDiff } from '../shared/unified-diff.js';
import { ExecutorRegistry } from './executor-registry.js';
import { DEFAULT_FORBIDDEN } from './payload-shape.js';
import { planSite } from './plan-site.js';
import type { CodemodReport } from './report.js';
import { TasksFile } from './tasks-file.js';
import { typecheckChanges } from './typecheck.js';
import type { Runner } from './executor-test-source.js';

/** Options of {@link runSpawnToTaskspec}. */
export interface SpawnToTaskspecOptions {
  /** Absolute target root: nothing outside it is written. */
  readonly root: string;
  /** Absolute files to migrate. */
  readonly files: readonly string[];
  /** Lint with type information (default true when `root` has a tsconfig.json). */
  readonly types: boolean;
  readonly dry: boolean;
  readonly typecheck: boolean;
  readonly markBailouts: boolean;
  readonly allowLossy: boolean;
  /** Where to create the tasks file when the project has no `defineTasks`. Default `<root>/src/tasks.ts` (or `<root>/tasks.ts`). */
  readonly tasks: string | undefined;
  /** Extra forbidden types, `package#Type`. */
  readonly forbid: readonly string[];
  /** Diff output for `--dry`. */
  readonly write: (text: string) => void;
  readonly progress: ((message: string) => void) | undefined;
}

/** Runs the codemod and returns its report (files are written unless `dry`). */
export async function runSpawnToTaskspec(options: SpawnToTaskspecOptions): Promise<CodemodReport> {
  const heap = { restore: () => {} };
  try {
    return await run(options, heap);
  } finally {
    heap.restore();
  }
}

async function run(options: SpawnToTaskspecOptions, heap: { restore: () => void }): Promise<CodemodReport> {
  const started = performance.now();
  const tsconfig = path.join(options.root, 'tsconfig.json');
  // The program is built only when first needed (the typed pass, else planning): the syntactic
  // pass over every file then runs with a small live heap, and V8 does not grow the heap to a
  // multiple of a whole program's size while that pass makes its garbage.
  // From then on (or from the first typed batch) the heap's growth past live data is limited (heap-growth.ts).
  let built: Project | undefined;
  let limited = false;
  const limitHeap = () => {
    if (!limited) heap.restore = limitHeapGrowth();
    limited = true;
  };
  const projectNow = () => {
    if (built) return built;
    limitHeap();
    built = existsSync(tsconfig)
      ? new Project({ tsConfigFilePath: tsconfig })
      : new Project({ compilerOptions: { allowJs: true, strict: true } });
    return built;
  };
  // One TypeScript program per run: the rule takes its types from the program the captures are
  // analysed with (typescript-eslint `programs`), instead of a project service building its own.
  const programs = options.types && existsSync(tsconfig) ? () => [projectNow().getProgram().compilerObject] : undefined;
  const { sites, fatal } = await findSites({
    root: options.root,
    files: options.files,
    ruleId: 'no-floating-work-in-handler',
    types: options.types,
    ...(programs ? { programs } : {}),
    onProgress: (done, total, phase) => {
      // The typed pass holds a program, ours or the project service's (no root tsconfig).
      if (phase === 'types') limitHeap();
      options.progress?.(`linted ${done}/${total} files`);
    },
  });
  const lintMs = performance.now() - started;
  const project = projectNow();
  // Every site's file at once: one program for the planning, not one rebuilt per added file.
  for (const file of new Set(sites.map((site) => site.file))) if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
  const notes: string[] = [];
  const changes = new ChangeSet();
  const dependencies = readDependencies(options.root);
  const validator = (['zod', 'valibot', 'arktype'] as const).find((name) => dependencies.has(name));
  if (!validator && sites.length > 0)
    notes.push('no Standard Schema validator in package.json: schemas are written with zod; run `npm install zod`.');
  const runner: Runner | undefined = dependencies.has('vitest')
    ? 'vitest'
    : dependencies.has('jest')
      ? 'jest'
      : usesNodeTest(options.root)
        ? 'node:test'
        : undefined;
  if (!runner && sites.length > 0)
    notes.push('no vitest or jest in package.json and no `node --test` script: executor tests were not generated.');
  if (runner === 'node:test' && sites.length > 0)
    notes.push('executor tests use node:test module mocks: run them with `node --test --experimental-test-module-mocks`.');
  const fallback = options.tasks ?? path.join(options.root, existsSync(path.join(options.root, 'src')) ? 'src' : '', 'tasks.ts');
  const context = {
    root: options.root,
    project,
    changes,
    tasks: TasksFile.locate(project, fallback, validator ?? 'zod'),
    registry: ExecutorRegistry.locate(project),
    validator: validator ?? 'zod',
    runner,
    forbidden: [...DEFAULT_FORBIDDEN, ...options.forbid],
    allowLossy: options.allowLossy,
    markBailouts: options.markBailouts,
  };
  if (context.tasks.isNew && sites.length > 0)
    notes.push(
      `created the tasks file ${path.relative(options.root, context.tasks.path)}; start the runtime with \`createFleet({ tasks: ${context.tasks.binding}, executors })\` and register the executors there.`,
    );
  const reports = sites.map((site, index) => {
    options.progress?.(`planning site ${index + 1}/${sites.length}`);
    return planSite(context, site);
  });
  context.tasks.flush(changes);
  context.registry.flush(changes);
  let results = changes.results();
  const rejected = options.typecheck ? typecheckChanges(project, results) : new Map<string, string>();
  results = results.filter((entry) => !rejected.has(entry.file));
  for (const entry of results) {
    if (options.dry)
      options.write(
        unifiedDiff(path.relative(options.root, entry.file).split(path.sep).join('/'), entry.before ?? '', entry.after).replace(
          /^--- a\/.*$/m,
          (line) => (entry.before === undefined ? '--- /dev/null' : line),
        ),
      );
    else writeAtomic(options.root, entry.file, entry.after);
  }
  const changed = new Set(results.map((entry) => entry.file));
  const siteFiles = new Set(sites.map((site) => site.file));
  const files = [
    ...options.files.map((file) => ({
      file,
      status: rejected.has(file)
        ? ('error' as const)
        : changed.has(file)
          ? ('ok' as const)
          : siteFiles.has(file)
            ? ('unchanged' as const)
            : ('skipped' as const),
      ...(rejected.has(file) ? { error: rejected.get(file)! } : {}),
    })),
    ...fatal.map((entry) => ({ file: entry.file, status: 'error' as const, error: entry.message })),
  ];
  for (const report of reports) {
    if (rejected.has(report.file)) Object.assign(report, { action: 'bailed', reason: 'typecheck', message: rejected.get(report.file) });
  }
  const count = (action: string) => reports.filter((report) => report.action === action).length;
  return {
    version: 1,
    tool: 'fleet codemod spawn-to-taskspec',
    root: options.root,
    files,
    sites: reports,
    notes,
    summary: {
      rewritten: count('rewritten'),
      bailed: count('bailed'),
      needsReview: count('needs-review'),
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

function readDependencies(root: string): Set<string> {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return new Set();
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
  return new Set(['dependencies', 'devDependencies', 'peerDependencies'].flatMap((key) => Object.keys(json[key] ?? {})));
}

/** A `package.json` script that runs `node --test` (or `tsx --test`). */
function usesNodeTest(root: string): boolean {
  const file = path.join(root, 'package.json');
  if (!existsSync(file)) return false;
  const scripts = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: Record<string, string> }).scripts ?? {};
  return Object.values(scripts).some((script) => /\b(?:node|tsx)\b[^&|;]*\s--test\b/.test(script));
}

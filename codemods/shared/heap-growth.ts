/**
 * How far V8 lets the heap grow past its live data while the codemod holds a whole TypeScript
 * program. After each full collection V8 sets the next limit at the live size times a factor it
 * picks from its own speed, up to 4×: with a program and its checker live (about 1 GiB on a
 * 2,000-file backend) the heap of a default run reached 2.2 GiB, mostly garbage from converting
 * handler files to ESTree. `--heap-growing-percent` fixes that factor; it is not a cap, so a
 * larger project still gets all the memory it needs and completes.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Percent the heap may grow past live data during the typed pass and planning. */
export const DEFAULT_HEAP_GROWING_PERCENT = 30;

/** The variable that sets the percent; `0` leaves V8's own heuristics. */
export const HEAP_GROWTH_ENV = 'FLEET_CODEMOD_HEAP_GROWTH';

/**
 * The percent to set, or `undefined` to leave V8 alone: when the user chose their own heap
 * sizing (`--max-old-space-size`, `--heap-growing-percent` on the command line or in
 * `NODE_OPTIONS`), or set {@link HEAP_GROWTH_ENV} to `0`.
 */
export function heapGrowingPercent(env: NodeJS.ProcessEnv, execArgv: readonly string[]): number | undefined {
  const userFlags = [...execArgv, ...(env['NODE_OPTIONS'] ?? '').split(/\s+/)];
  if (userFlags.some((flag) => /^--(?:max[-_]old[-_]space[-_]size|heap[-_]growing[-_]percent)(?:=|$)/.test(flag))) return undefined;
  const configured = env[HEAP_GROWTH_ENV]?.trim();
  const percent = configured && /^\d+$/.test(configured) ? Number(configured) : DEFAULT_HEAP_GROWING_PERCENT;
  return percent > 0 ? percent : undefined;
}

/**
 * Sets V8's heap growing factor for the rest of the run (see {@link heapGrowingPercent}) and
 * returns the function that gives V8 its own heuristics back (the CLI may run in a longer-lived
 * process, such as a test runner).
 */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): () => void {
  const percent = heapGrowingPercent(env, execArgv);
  if (percent === undefined) return () => {};
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  return () => {
    v8.setFlagsFromString('--heap-growing-percent=0');
  };
}

/**
 * One full garbage collection now, when a phase has just dropped a large heap (typescript-eslint's
 * project service after the lint): V8 would otherwise collect it only when the heap next reaches
 * its limit, with the planning program allocated on top. `gc` is exposed the way jest's leak
 * detector does it; nothing happens when {@link HEAP_GROWTH_ENV} is `0` or the user chose their
 * own heap flags (see {@link heapGrowingPercent}).
 */
export function collectGarbage(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): void {
  if (heapGrowingPercent(env, execArgv) === undefined) return;
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

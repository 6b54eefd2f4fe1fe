import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateBackend } from '../lib/generate/index.js';
import { intOption } from '../lib/parse-args.js';
import { runNode } from '../lib/measure.js';

// Issue 10: the codemod within 1.3× of the typed `fleet scan` it must do anyway; peak RSS < 1.5 GiB.
const TARGETS = { codemodVsTypedScan: 1.3, maxRssGiB: 1.5 };
const MODES = ['scan', 'codemod', 'jscodeshift'];

/**
 * The codemod benchmark (issue 10): on the generated backend, cold runs in fresh processes of
 * the typed `fleet scan` (the rule only), `fleet codemod spawn-to-taskspec --dry`, and a no-op
 * jscodeshift transform over the same files; wall time, files/s and peak RSS each.
 *
 * Options: `--files N` (default 2000), `--seed N` (42), `--runs N` rounds (1), modes interleaved;
 * `--modes codemod,scan` runs only those modes (the ratio needs both `scan` and `codemod`).
 */
export default {
  name: 'codemod',
  description: 'fleet codemod spawn-to-taskspec --dry on the generated backend vs typed fleet scan and a no-op jscodeshift',
  /** @param {{ root: string, workDir: string, options: Record<string, string | true>, log: (message: string) => void }} ctx see bench/run.js */
  async run({ root, workDir, options, log }) {
    const files = intOption(options, 'files', 2000);
    const seed = intOption(options, 'seed', 42);
    const runs = intOption(options, 'runs', 1);
    const dir = path.join(workDir, 'synthetic');
    const generated = await generateBackend({ dir, files, seed });
    // The codemod reads the project's package.json (validator, test runner) and tsconfig.json.
    await writeFile(
      path.join(dir, 'package.json'),
      JSON.stringify(
        {
          name: 'synthetic',
          private: true,
          type: 'module',
          dependencies: { zod: '^4.0.0', 'fleet-runtime': '0.1.0' },
          devDependencies: { vitest: '^5.0.0' },
        },
        null,
        2,
      ),
    );
    log(`generated ${generated.files} files, ${generated.lines} lines in ${path.relative(root, dir)}`);
    const plugin = path.join(workDir, 'plugin');
    await rm(plugin, { recursive: true, force: true });
    await mkdir(plugin, { recursive: true });
    await cp(path.join(root, 'dist'), path.join(plugin, 'dist'), { recursive: true });
    await cp(path.join(root, 'package.json'), path.join(plugin, 'package.json'));
    const job = path.join(root, 'bench/lib/codemod-job.js');
    const modes = typeof options.modes === 'string' ? options.modes.split(',').filter((mode) => MODES.includes(mode)) : MODES;
    if (modes.length === 0) throw new Error(`--modes: name one or more of ${MODES.join(', ')}`);
    const results = Object.fromEntries(modes.map((mode) => [mode, []]));
    for (let round = 1; round <= runs; round += 1) {
      for (const mode of modes) {
        const { wallMs, result } = await runNode(job, ['--mode', mode, '--cwd', dir, '--plugin', plugin], { cwd: root });
        log(
          `run ${round}/${runs} ${mode}: ${(wallMs / 1000).toFixed(2)} s wall, ${(result.cpuMs / 1000).toFixed(2)} s CPU, ${Math.round(result.maxRssKiB / 1024)} MiB peak RSS, ${result.files} files`,
        );
        results[mode].push({ wallMs, ...result });
      }
    }
    const best = (mode) => (results[mode] ? results[mode].reduce((a, b) => (a.wallMs <= b.wallMs ? a : b)) : undefined);
    const scan = best('scan');
    const codemod = best('codemod');
    const jscodeshift = best('jscodeshift');
    const ratio = scan && codemod ? codemod.wallMs / scan.wallMs : undefined;
    const rssGiB = codemod ? codemod.maxRssKiB / 1024 / 1024 : undefined;
    const line = (name, run) =>
      `${name.padEnd(12)} ${(run.wallMs / 1000).toFixed(2)} s  ${(run.files / (run.wallMs / 1000)).toFixed(0)} files/s  ${Math.round(run.maxRssKiB / 1024)} MiB`;
    return {
      status: 'ok',
      files: generated.files,
      results,
      codemodSummary: codemod?.summary,
      codemodTimings: codemod?.timings,
      topBails: codemod?.topBails,
      ratio,
      targets: TARGETS,
      summary: [
        ...(scan ? [line('scan (typed)', scan)] : []),
        ...(codemod ? [line('codemod', codemod)] : []),
        ...(jscodeshift ? [line('jscodeshift', jscodeshift)] : []),
        ...(ratio !== undefined
          ? [
              `codemod / typed scan: ${ratio.toFixed(2)}× (target ≤ ${TARGETS.codemodVsTypedScan}×: ${ratio <= TARGETS.codemodVsTypedScan ? 'met' : 'MISSED'})`,
            ]
          : []),
        ...(rssGiB !== undefined
          ? [`codemod peak RSS ${rssGiB.toFixed(2)} GiB (target < ${TARGETS.maxRssGiB}: ${rssGiB < TARGETS.maxRssGiB ? 'met' : 'MISSED'})`]
          : []),
        ...(codemod ? [`sites: ${JSON.stringify(codemod.summary)}; top bails: ${JSON.stringify(codemod.topBails)}`] : []),
      ].join('\n'),
    };
  },
};

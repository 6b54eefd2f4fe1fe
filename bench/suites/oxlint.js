import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareFindings } from '../lib/accuracy.js';
import { generateBackend } from '../lib/generate/index.js';
import { snapshotPlugin } from '../lib/snapshot-plugin.js';
import { intOption } from '../lib/parse-args.js';
import { median, runNode } from '../lib/measure.js';

/** Timed configurations, interleaved within each round so machine drift hits all alike. */
const MODES = ['eslint-parser', 'eslint-recommended', 'oxlint', 'oxlint-noop', 'oxlint-fleet'];

/**
 * Fleet's rules under oxlint (issue 12): on the same synthetic backend as the `lint` suite, in one
 * run, times ESLint with the parser alone and with `recommended`, and oxlint alone, with a no-op JS
 * plugin rule (the JS host's own cost) and with Fleet's rules as a JS plugin. Every figure is the
 * process's wall time seen from outside (start-up included: oxlint's JS host is part of its cost).
 * Fleet's share is judged against what a JS rule must pay anyway: (fleet − noop) / noop under
 * oxlint, beside (recommended − parser) / parser under ESLint.
 *
 * Options: `--files N` (default 2000), `--seed N` (42), `--runs N` timed runs per mode (3).
 */
export default {
  name: 'oxlint',
  description: 'oxlint + Fleet rules (JS plugin) vs oxlint alone and vs ESLint + recommended, same run, synthetic backend',
  /** @param {{ root: string, workDir: string, options: Record<string, string | true>, log: (message: string) => void }} ctx see bench/run.js */
  async run({ root, workDir, options, log }) {
    const files = intOption(options, 'files', 2000);
    const seed = intOption(options, 'seed', 42);
    const runs = intOption(options, 'runs', 3);
    if (runs < 1) throw new Error('oxlint: --runs must be at least 1 (the warm-up run is never timed).');
    const dir = path.join(workDir, 'synthetic');
    const generated = await generateBackend({ dir, files, seed });
    log(`generated ${generated.files} files, ${generated.lines} lines`);
    // Its own (empty) repository: oxlint honours the enclosing repository's .gitignore, and this
    // repository's ignores bench/.work/, which would leave oxlint nothing to lint.
    if (!existsSync(path.join(dir, '.git'))) execFileSync('git', ['init', '-q'], { cwd: dir });

    const plugin = await snapshotPlugin(root, workDir);

    const eslintJob = path.join(root, 'bench/lib/eslint-job.js');
    const oxlintJob = path.join(root, 'bench/lib/oxlint-job.js');
    const timings = Object.fromEntries(MODES.map((mode) => [mode, []]));
    for (let round = 0; round <= runs; round += 1) {
      for (const mode of MODES) {
        const findings = path.join(workDir, `findings-${mode}.json`);
        const eslint = mode.startsWith('eslint-');
        const args = eslint
          ? ['--mode', mode.slice('eslint-'.length), '--cwd', dir, '--plugin', plugin, ...(round === 0 ? ['--findings', findings] : [])]
          : ['--mode', mode, '--cwd', dir, '--work', workDir, '--plugin', plugin, ...(round === 0 ? ['--findings', findings] : [])];
        const { wallMs, result } = await runNode(eslint ? eslintJob : oxlintJob, args);
        log(`${round === 0 ? 'warm-up' : `run ${round}/${runs}`} ${mode}: ${(wallMs / 1000).toFixed(2)} s wall`);
        if (round > 0) timings[mode].push({ wallMs, cpuMs: eslint ? null : result.cpuMs, maxRssKiB: result.maxRssKiB, load: result.load });
      }
    }
    const wall = Object.fromEntries(MODES.map((mode) => [mode, median(timings[mode].map((t) => t.wallMs))]));
    const ratios = {
      eslintRecommendedVsParser: wall['eslint-recommended'] / wall['eslint-parser'],
      oxlintFleetVsNoop: wall['oxlint-fleet'] / wall['oxlint-noop'],
      oxlintFleetVsAlone: wall['oxlint-fleet'] / wall.oxlint,
      oxlintFleetVsEslintRecommended: wall['oxlint-fleet'] / wall['eslint-recommended'],
    };
    const eslintFindings = JSON.parse(await readFile(path.join(workDir, 'findings-eslint-recommended.json'), 'utf8'));
    const oxlintFindings = JSON.parse(await readFile(path.join(workDir, 'findings-oxlint-fleet.json'), 'utf8'));
    const key = (f) => `${f.ruleId} ${f.file}:${f.line}`;
    const eslintKeys = new Set(eslintFindings.map(key));
    const oxlintKeys = new Set(oxlintFindings.map(key));
    const agreement = {
      eslint: eslintKeys.size,
      oxlint: oxlintKeys.size,
      onlyEslint: [...eslintKeys].filter((k) => !oxlintKeys.has(k)),
      onlyOxlint: [...oxlintKeys].filter((k) => !eslintKeys.has(k)),
    };
    const accuracy = {
      'eslint-recommended': compareFindings(generated.hazards, eslintFindings),
      'oxlint-fleet': compareFindings(generated.hazards, oxlintFindings),
    };
    const result = {
      status: 'ok',
      date: new Date().toISOString(),
      node: process.version,
      synthetic: { files: generated.files, lines: generated.lines, seed },
      runs: timings,
      wall,
      ratios,
      agreement,
      accuracy,
    };
    return { ...result, summary: summary(result) };
  },
};

function summary(r) {
  const s = (ms) => (ms / 1000).toFixed(2);
  const share = (ratio) => `${((ratio - 1) * 100).toFixed(1)} %`;
  const out = [
    `Synthetic backend: ${r.synthetic.files} files, ${r.synthetic.lines} lines (seed ${r.synthetic.seed}); Node ${r.node}; ${r.date}`,
    '',
  ];
  out.push(
    '| mode | process wall s (median) | each run, s | CPU s (median, oxlint) | peak RSS MiB | load at start |',
    '|---|---|---|---|---|---|',
  );
  for (const [mode, runs] of Object.entries(r.runs)) {
    const cpu = runs.every((t) => t.cpuMs !== null) ? s(median(runs.map((t) => t.cpuMs))) : '–';
    const rss = Math.round(Math.max(...runs.map((t) => t.maxRssKiB ?? 0)) / 1024);
    out.push(
      `| ${mode} | ${s(r.wall[mode])} | ${runs.map((t) => s(t.wallMs)).join(', ')} | ${cpu} | ${rss} | ${runs.map((t) => t.load?.[0]?.toFixed(1) ?? '?').join(', ')} |`,
    );
  }
  out.push('');
  out.push(
    `- Fleet's share under ESLint: recommended / parser = ${r.ratios.eslintRecommendedVsParser.toFixed(3)}× (${share(r.ratios.eslintRecommendedVsParser)})`,
  );
  out.push(
    `- Fleet's share under oxlint: fleet / no-op JS rule = ${r.ratios.oxlintFleetVsNoop.toFixed(3)}× (${share(r.ratios.oxlintFleetVsNoop)}); fleet / oxlint alone = ${r.ratios.oxlintFleetVsAlone.toFixed(3)}×`,
  );
  out.push(`- oxlint + Fleet / ESLint + recommended = ${r.ratios.oxlintFleetVsEslintRecommended.toFixed(3)}×`);
  out.push(
    `- Findings: ESLint ${r.agreement.eslint}, oxlint ${r.agreement.oxlint}; only ESLint ${r.agreement.onlyEslint.length}, only oxlint ${r.agreement.onlyOxlint.length}`,
  );
  for (const [mode, a] of Object.entries(r.accuracy))
    out.push(`- ${mode}: ${a.found}/${a.seeded} seeded hazards found, ${a.falsePositives.length} false positives`);
  return out.join('\n');
}

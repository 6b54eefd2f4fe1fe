import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs the built `fleet scan` over real open-source backends (bench/repos.json, extracted into
 * bench/.repos/ by `bench/checkout-repos.js`): zero crashes is the bar. Each repository is
 * scanned type-aware (the CLI's default when a tsconfig.json exists) and with `--no-types`.
 * Records every crash (exit 2, internal error, parse failure) and every finding with its
 * source line, for a human to judge. Skips with a message when no repository is present.
 * Options: `--repos <dir>` (default `bench/.repos`).
 */
export default {
  name: 'real',
  description: '`fleet scan` over real open-source backends: crashes, findings, time per 1,000 files',
  /** @param {{ root: string, workDir: string, options: Record<string, string | true>, log: (message: string) => void }} ctx see bench/run.js */
  async run({ root, options, log }) {
    // `--repos <dir>`: where the extracted repositories live (default bench/.repos).
    const reposDir = typeof options.repos === 'string' ? path.resolve(options.repos) : path.join(root, 'bench/.repos');
    const { repos } = JSON.parse(await readFile(path.join(root, 'bench/repos.json'), 'utf8'));
    // Without its own `.git`, a tree under bench/.repos/ is hidden by this repository's .gitignore.
    const present = repos.filter((r) => existsSync(path.join(reposDir, r.name, '.git')));
    if (present.length === 0) {
      return {
        status: 'skipped',
        reason:
          'no repository extracted in bench/.repos/ (each needs its own .git, made by the checkout script); fetch the mirrors listed in bench/repos.json, then run `npm exec -- node bench/checkout-repos.js`.',
      };
    }
    if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) {
      throw new Error('real: the CLI is not built (dist/src/cli/main.js missing); run `npm run build` first.');
    }
    const absent = repos.filter((r) => !present.includes(r)).map((r) => r.name);
    if (absent.length > 0) log(`absent, skipped: ${absent.join(', ')}`);
    const results = [];
    for (const repo of present) {
      // `scan`: sub-directories to scan besides the root, e.g. an app of a monorepo whose
      // tsconfig.json is not at the root (the root scan then runs without type information).
      for (const sub of ['', ...(repo.scan ?? [])]) {
        const dir = path.join(reposDir, repo.name, sub);
        for (const types of [true, false]) {
          const scan = await fleetScan(root, dir, types);
          const label = sub ? `${repo.name}/${sub}` : repo.name;
          const entry = { name: label, repo: repo.repo, commit: repo.commit, framework: repo.framework, types, ...scan };
          entry.findings = await withSource(dir, scan.findings);
          results.push(entry);
          log(
            `${label} (${types ? 'types' : 'no types'}): exit ${scan.exitCode}, ${scan.files} files, ${scan.findings.length} findings, ${scan.crashes.length} crashes, ${scan.notices.length} ESLint notices, ${(scan.wallMs / 1000).toFixed(2)} s`,
          );
        }
      }
    }
    return { status: 'ok', date: new Date().toISOString(), node: process.version, results, summary: realSummary(results) };
  },
};

/** Runs `bin/fleet.js scan <dir> --format json` and classifies its outcome. */
function fleetScan(root, dir, types) {
  return new Promise((resolve, reject) => {
    const args = [path.join(root, 'bin/fleet.js'), 'scan', dir, '--format', 'json', '--no-progress'];
    if (!types) args.push('--no-types');
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      const wallMs = performance.now() - started;
      const crashes = [];
      let results = [];
      try {
        results = JSON.parse(stdout);
      } catch {
        crashes.push({ kind: 'no-json-output', detail: stderr.slice(-2000) });
      }
      if (exitCode === 2 || /internal error/.test(stderr)) crashes.push({ kind: `exit ${exitCode}`, detail: stderr.slice(-2000) });
      const findings = [];
      // ESLint's own non-fatal reports without a rule (e.g. "/* eslint-env */ comments are no
      // longer supported") are not crashes, but a zero-config scan should not show them either.
      const notices = [];
      for (const r of results) {
        for (const m of r.messages) {
          const file = path.relative(dir, r.filePath);
          if (m.fatal) crashes.push({ kind: 'fatal', file, line: m.line, detail: m.message });
          else if (m.ruleId === null) notices.push({ file, line: m.line, detail: m.message });
          else findings.push({ file, line: m.line, column: m.column, ruleId: m.ruleId, messageId: m.messageId, message: m.message });
        }
      }
      resolve({ exitCode, wallMs, files: results.length, findings, crashes, notices, stderrTail: stderr.slice(-500) });
    });
  });
}

/** Adds the source line of each finding, so the judgement can be read from the results file. */
async function withSource(dir, findings) {
  const cache = new Map();
  for (const f of findings) {
    if (!cache.has(f.file)) cache.set(f.file, (await readFile(path.join(dir, f.file), 'utf8')).split('\n'));
    f.source = cache.get(f.file)[f.line - 1]?.trim();
  }
  return findings;
}

function realSummary(results) {
  const out = [
    '| scanned | commit | framework | types | files | s | s / 1,000 files | findings | crashes | ESLint notices |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const per1k = r.files > 0 ? ((r.wallMs / 1000) * (1000 / r.files)).toFixed(1) : '–';
    out.push(
      `| ${r.name} | ${r.commit.slice(0, 7)} | ${r.framework} | ${r.types ? 'yes' : 'no'} | ${r.files} | ${(r.wallMs / 1000).toFixed(2)} | ${per1k} | ${r.findings.length} | ${r.crashes.length} | ${r.notices.length} |`,
    );
  }
  const typed = results.filter((r) => r.types);
  const files = typed.reduce((a, r) => a + r.files, 0);
  const ms = typed.reduce((a, r) => a + r.wallMs, 0);
  out.push(
    '',
    `Default (type-aware where a tsconfig.json exists) total: ${files} files in ${(ms / 1000).toFixed(1)} s = ${(ms / files).toFixed(1)} s per 1,000 files (one process per scan, start-up included).`,
  );
  for (const r of results.filter((x) => x.findings.length > 0 || x.crashes.length > 0)) {
    out.push('', `${r.name} (${r.types ? 'types' : 'no types'}):`);
    for (const f of r.findings) out.push(`- finding ${f.file}:${f.line} ${f.messageId}: \`${f.source}\``);
    for (const c of r.crashes) out.push(`- crash ${c.kind} ${c.file ?? ''}:${c.line ?? ''} ${c.detail.split('\n')[0]}`);
  }
  return out.join('\n');
}

#!/usr/bin/env node
/**
 * Scores Fleet against the labelled recall set (bench/recall/labels.jsonl): runs the built
 * `fleet scan --format json` (and `fleet routes --format json` for route labels) over every
 * labelled repository in bench/.repos/, matches findings to labels by file, line and category,
 * and prints precision and recall per rule (category) and per framework.
 *
 *   node bench/recall/score.js [--types] [--repos <dir>] [--fleet <bin/fleet.js>] [--only a,b]
 *                              [--save <dir>] [--from <dir>] [--json <file>]
 *   npm run bench -- recall [same options]
 *
 * - `--types`: scan type-aware (the CLI's default where a tsconfig.json exists); the default here
 *   is `--no-types`, so the set scores in minutes rather than the typed scan's quarter hour;
 * - `--fleet`: another build of the CLI (e.g. a copy of an older `bin/` + `dist/`), for before/after;
 * - `--save <dir>`: keep each repository's raw scan output; `--from <dir>`: score saved outputs
 *   instead of scanning (the files `--save` wrote);
 * - `--json <file>`: write the scores and every miss / false positive as JSON.
 *
 * Scoring (see bench/recall/README.md): a finding on a `violation` (or `route`) label is a true
 * positive; a label of those kinds with no finding is a miss; a finding on an `ok` (or `not-route`)
 * label, or on an unlabelled line of a labelled file, is a false positive (every site in a labelled
 * file is labelled, so an unlabelled finding there is either a site the labeller missed or noise:
 * it is listed to be labelled). Findings in files without labels are counted, not scored.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from '../lib/parse-args.js';
import { runFleet } from './run-fleet.js';
import { categoryOf, CATEGORIES, POSITIVE, readLabels } from './labels.js';
import { formatScores } from './format-scores.js';

const recallDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(recallDir, '../..');

/** Scores the set; returns `{ scores, misses, falsePositives, unscored, crashes }`. */
export async function score(options, log = (m) => process.stderr.write(`${m}\n`)) {
  const reposDir = typeof options.repos === 'string' ? path.resolve(options.repos) : path.join(root, 'bench/.repos');
  const fleet = typeof options.fleet === 'string' ? path.resolve(options.fleet) : path.join(root, 'bin/fleet.js');
  const { repos } = JSON.parse(await readFile(path.join(root, 'bench/repos.json'), 'utf8'));
  const labels = await readLabels(path.join(recallDir, 'labels.jsonl'), repos);
  const only = typeof options.only === 'string' ? new Set(options.only.split(',')) : undefined;
  const names = [...new Set(labels.map((l) => l.repo))].filter((n) => !only || only.has(n));
  const findings = [];
  const crashes = [];
  for (const name of names) {
    const dir = path.join(reposDir, name);
    if (!existsSync(path.join(dir, '.git')))
      throw new Error(
        `recall: ${name} is not extracted in ${reposDir}; run \`node bench/checkout-repos.js\` first (see bench/recall/README.md).`,
      );
    const wantRoutes = labels.some((l) => l.repo === name && l.category === 'route');
    const out = await runFleet({
      fleet,
      dir,
      name,
      types: options.types === true,
      routes: wantRoutes,
      save: options.save,
      from: options.from,
    });
    log(
      `${name}: ${out.findings.length} findings, ${out.routes.length} routes, ${out.crashes.length} crashes, ${(out.wallMs / 1000).toFixed(1)} s`,
    );
    findings.push(...out.findings.map((f) => ({ ...f, repo: name })), ...out.routes.map((r) => ({ ...r, repo: name, category: 'route' })));
    crashes.push(...out.crashes.map((c) => ({ ...c, repo: name })));
  }
  return match(
    labels.filter((l) => names.includes(l.repo)),
    findings,
    crashes,
    repos,
  );
}

function match(labels, findings, crashes, repos) {
  const key = (x) => `${x.repo}\0${x.file}\0${x.line}\0${x.category}`;
  const byKey = new Map(labels.map((l) => [key(l), l]));
  const labelledFiles = new Set(labels.map((l) => `${l.repo}\0${l.file}\0${l.category}`));
  const frameworkOf = (repo) => repos.find((r) => r.name === repo)?.framework ?? 'unknown';
  const found = new Set();
  const falsePositives = [];
  const unscored = [];
  const tally = new Map();
  const bump = (group, field) => {
    const t = tally.get(group) ?? { tp: 0, fn: 0, fp: 0 };
    t[field] += 1;
    tally.set(group, t);
  };
  for (const f of findings) {
    const category = f.category ?? categoryOf(f);
    const finding = { ...f, category };
    const label = byKey.get(key(finding));
    if (label && POSITIVE.has(label.label)) {
      found.add(label);
      continue;
    }
    if (!label && !labelledFiles.has(`${f.repo}\0${f.file}\0${category}`)) {
      unscored.push(finding);
      continue;
    }
    falsePositives.push({ ...finding, why: label ? `labelled ${label.label}: ${label.why}` : 'unlabelled line in a labelled file' });
    const framework = label?.framework ?? frameworkOf(f.repo);
    bump(`rule:${category}`, 'fp');
    bump(`framework:${framework}`, 'fp');
    bump('all', 'fp');
  }
  const misses = [];
  for (const label of labels) {
    if (!POSITIVE.has(label.label)) continue;
    const field = found.has(label) ? 'tp' : 'fn';
    if (field === 'fn') misses.push(label);
    const framework = label.framework ?? frameworkOf(label.repo);
    bump(`rule:${label.category}`, field);
    bump(`framework:${framework}`, field);
    bump('all', field);
  }
  const scores = {};
  for (const [group, t] of [...tally].sort()) {
    scores[group] = {
      ...t,
      precision: t.tp + t.fp === 0 ? null : t.tp / (t.tp + t.fp),
      recall: t.tp + t.fn === 0 ? null : t.tp / (t.tp + t.fn),
    };
  }
  const counts = Object.fromEntries(
    CATEGORIES.map((c) => [
      c,
      {
        labels: labels.filter((l) => l.category === c).length,
        positive: labels.filter((l) => l.category === c && POSITIVE.has(l.label)).length,
      },
    ]),
  );
  return { scores, counts, repositories: [...new Set(labels.map((l) => l.repo))].length, misses, falsePositives, unscored, crashes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { options } = parseArgs(process.argv.slice(2));
  if (typeof options.save === 'string') await mkdir(options.save, { recursive: true });
  const result = await score(options);
  process.stdout.write(`${formatScores(result)}\n`);
  if (typeof options.json === 'string') await writeFile(options.json, `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.crashes.length > 0 ? 1 : 0;
}

/**
 * Extracts the pinned commit of every repository in `bench/repos.json` into
 * `bench/.repos/<name>/` (plain files, no git metadata), from a bare mirror under
 * `/work/.mirror/<owner>+<repo>/repo` or the directory given by `--mirrors <dir>`.
 * Repositories already extracted are left alone; `--force` re-extracts them.
 * Each extracted tree gets its own empty `git init`: `fleet scan` honours `.gitignore` files up to
 * the enclosing repository root, and without it this repository's `.gitignore` (which ignores
 * `bench/.repos/`) would hide every file, unlike a user scanning their own checkout.
 *
 *   npm exec -- node bench/checkout-repos.js [--mirrors /work/.mirror] [--force]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './lib/parse-args.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const { options } = parseArgs(process.argv.slice(2));
const mirrors = typeof options.mirrors === 'string' ? options.mirrors : '/work/.mirror';
const { repos } = JSON.parse(await readFile(path.join(benchDir, 'repos.json'), 'utf8'));
let missing = 0;
for (const { name, repo, commit } of repos) {
  const target = path.join(benchDir, '.repos', name);
  if (existsSync(target) && !options.force) {
    ownRepository(target);
    process.stdout.write(`${name}: present\n`);
    continue;
  }
  const gitDir = path.join(mirrors, repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) {
    missing += 1;
    process.stdout.write(`${name}: no mirror at ${gitDir}; fetch github:${repo} (commit ${commit}) first.\n`);
    continue;
  }
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  // `git archive` writes the tree of exactly the pinned commit; no work tree or .git is left behind.
  const tar = execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', target], { input: tar, maxBuffer: 1 << 30 });
  ownRepository(target);
  process.stdout.write(`${name}: extracted ${repo}@${commit.slice(0, 12)}\n`);
}
process.exitCode = missing > 0 ? 1 : 0;

function ownRepository(dir) {
  if (!existsSync(path.join(dir, '.git'))) execFileSync('git', ['init', '-q', dir]);
}

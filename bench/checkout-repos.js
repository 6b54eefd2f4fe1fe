/**
 * Extracts the pinned commit of every repository in `bench/repos.json` into
 * `bench/.repos/<name>/` (plain files, no git history). Two sources:
 *
 * - default: plain `git` from `https://github.com/<owner>/<repo>.git` (or the URL template given by
 *   `--url 'https://host/{repo}.git'`), fetching only the pinned commit (`--depth 1`);
 * - `--mirrors <dir>`: local git directories, looked up as `<dir>/<owner>+<repo>/repo` (bare or with
 *   a `.git` inside), `<dir>/<owner>+<repo>.git` or `<dir>/<owner>/<repo>.git`; nothing is downloaded.
 *
 * Repositories already extracted are left alone; `--force` re-extracts them; `--only a,b` limits the
 * run to those names. Each extracted tree gets its own empty `git init`: `fleet scan` honours
 * `.gitignore` files up to the enclosing repository root, and without it this repository's
 * `.gitignore` (which ignores `bench/.repos/`) would hide every file, unlike a user scanning their
 * own checkout.
 *
 *   npm exec -- node bench/checkout-repos.js [--mirrors <dir> | --url <template>] [--only a,b] [--force]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from './lib/parse-args.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const { options } = parseArgs(process.argv.slice(2));
const mirrors = typeof options.mirrors === 'string' ? path.resolve(options.mirrors) : undefined;
const urlTemplate = typeof options.url === 'string' ? options.url : 'https://github.com/{repo}.git';
const only = typeof options.only === 'string' ? new Set(options.only.split(',')) : undefined;
const { repos } = JSON.parse(await readFile(path.join(benchDir, 'repos.json'), 'utf8'));
let failed = 0;
for (const { name, repo, commit } of repos) {
  if (only && !only.has(name)) continue;
  const target = path.join(benchDir, '.repos', name);
  if (existsSync(target) && !options.force) {
    ownRepository(target);
    process.stdout.write(`${name}: present\n`);
    continue;
  }
  try {
    const tar = mirrors ? archiveFromMirror(mirrors, repo, commit) : await archiveFromUrl(urlTemplate.replace('{repo}', repo), commit);
    await rm(target, { recursive: true, force: true });
    await mkdir(target, { recursive: true });
    execFileSync('tar', ['-x', '-C', target], { input: tar, maxBuffer: 1 << 30 });
    ownRepository(target);
    process.stdout.write(`${name}: extracted ${repo}@${commit.slice(0, 12)}\n`);
  } catch (error) {
    failed += 1;
    process.stdout.write(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;

/** `git archive` of exactly the pinned commit from a local git directory. */
function archiveFromMirror(dir, repo, commit) {
  const [owner, base] = repo.split('/');
  const candidates = [
    path.join(dir, `${owner}+${base}`, 'repo', '.git'),
    path.join(dir, `${owner}+${base}`, 'repo'),
    path.join(dir, `${owner}+${base}.git`),
    path.join(dir, owner, `${base}.git`),
  ];
  const gitDir = candidates.find((c) => existsSync(path.join(c, 'HEAD')));
  if (!gitDir)
    throw new Error(`no git directory for ${repo} under ${dir} (tried ${candidates.map((c) => path.relative(dir, c)).join(', ')}).`);
  // A mirror may lack some blobs (snapshot stores leave out very large files such as fonts);
  // archive everything else rather than nothing, and say which files are left out.
  const missing = missingBlobs(gitDir, commit);
  if (missing.length > 0)
    process.stdout.write(`${repo}: ${missing.length} file(s) absent from the mirror, left out: ${missing.join(', ')}\n`);
  const pathspec = missing.length > 0 ? ['--', '.', ...missing.map((p) => `:(exclude,literal)${p}`)] : [];
  return execFileSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', commit, ...pathspec], { maxBuffer: 1 << 30 });
}

/** Paths of the commit's blobs that the git directory does not hold. */
function missingBlobs(gitDir, commit) {
  const tree = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { maxBuffer: 1 << 30 }).toString();
  const blobs = tree
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t');
      const [, type, oid] = meta.split(' ');
      return { type, oid, file };
    })
    .filter((b) => b.type === 'blob');
  const check = execFileSync('git', ['--git-dir', gitDir, 'cat-file', '--batch-check'], {
    input: blobs.map((b) => b.oid).join('\n'),
    maxBuffer: 1 << 30,
  })
    .toString()
    .split('\n');
  return blobs.filter((b, i) => check[i]?.endsWith(' missing')).map((b) => b.file);
}

/** Fetches only the pinned commit into a temporary repository, then archives it. */
async function archiveFromUrl(url, commit) {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'fleet-checkout-'));
  try {
    execFileSync('git', ['init', '-q', '--bare', tmp]);
    execFileSync('git', ['--git-dir', tmp, 'fetch', '-q', '--depth', '1', url, commit], { stdio: ['ignore', 'ignore', 'pipe'] });
    return execFileSync('git', ['--git-dir', tmp, 'archive', '--format=tar', commit], { maxBuffer: 1 << 30 });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function ownRepository(dir) {
  if (!existsSync(path.join(dir, '.git'))) execFileSync('git', ['init', '-q', dir]);
}

/**
 * File discovery for `fleet scan`: every JavaScript/TypeScript source under a directory, minus
 * what git ignores, dependency and build output, declaration files and minified bundles.
 * We walk the tree ourselves instead of letting ESLint glob, because ESLint knows nothing of
 * `.gitignore` and treats `[id]` in Next.js paths as a glob character class.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';

/** Extensions `fleet scan` lints, all through `@typescript-eslint/parser`. */
export const SOURCE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Directories never entered: dependencies, build output, caches, VCS metadata. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  '.next',
  'coverage',
  'out',
  '.git',
  '.turbo',
  '.vercel',
  '.nuxt',
  '.output',
  '.svelte-kit',
]);

/** What discovery found, as absolute paths in a stable (sorted) order. */
export interface DiscoveredFiles {
  readonly files: readonly string[];
  /** Files left out because they look minified (a `.min.` name or a very long first-4-KB line). */
  readonly minified: readonly string[];
  /** Directories that could not be read (permissions), skipped. */
  readonly unreadable: readonly string[];
}

interface IgnoreLayer {
  /** Directory the `.gitignore` lives in; its patterns are relative to it. */
  readonly base: string;
  readonly rules: Ignore;
}

const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const MINIFIED_NAME = /[.-]min\.[cm]?js$/;
/** A line this long in the first 4 KB is a bundle, not hand-written code. */
const MINIFIED_LINE_LENGTH = 1000;

/**
 * Lists the files `fleet scan` lints under `root` (an absolute directory path).
 * `.gitignore` files are honoured in `root`, below it, and above it up to the enclosing git
 * repository's root (as git itself does), so scanning a sub-folder gives the same set as
 * scanning the repository and filtering.
 */
export function discoverFiles(root: string): DiscoveredFiles {
  const files: string[] = [];
  const minified: string[] = [];
  const unreadable: string[] = [];
  const walk = (dir: string, layers: readonly IgnoreLayer[]): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      unreadable.push(dir);
      return;
    }
    const own = readGitignore(dir);
    const active = own ? [...layers, own] : layers;
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !isIgnored(active, full, true)) walk(full, active);
      } else if (entry.isFile() && isSource(entry.name) && !isIgnored(active, full, false)) {
        (looksMinified(full, entry.name) ? minified : files).push(full);
      }
    }
  };
  // Asking to scan a folder git ignores (a vendored package, say) means scanning it anyway.
  const ancestors = ancestorLayers(root);
  walk(root, isIgnored(ancestors, root, true) ? [] : ancestors);
  return { files, minified, unreadable };
}

function isSource(name: string): boolean {
  return SOURCE_EXTENSIONS.includes(path.extname(name)) && !DECLARATION_FILE.test(name);
}

function isIgnored(layers: readonly IgnoreLayer[], full: string, directory: boolean): boolean {
  for (const layer of layers) {
    const relative = path.relative(layer.base, full).split(path.sep).join('/');
    if (layer.rules.ignores(directory ? `${relative}/` : relative)) return true;
  }
  return false;
}

function readGitignore(dir: string): IgnoreLayer | undefined {
  const file = path.join(dir, '.gitignore');
  if (!existsSync(file)) return undefined;
  return { base: dir, rules: ignore().add(readFileSync(file, 'utf8')) };
}

/** `.gitignore` layers of the directories above `root`, up to the git repository's root. */
function ancestorLayers(root: string): IgnoreLayer[] {
  const chain: string[] = [];
  let dir = root;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    // Not inside a git repository: only the scanned tree's own `.gitignore` files apply.
    if (parent === dir) return [];
    dir = parent;
    chain.unshift(dir);
  }
  return chain.flatMap((ancestor) => {
    const layer = readGitignore(ancestor);
    return layer ? [layer] : [];
  });
}

function looksMinified(full: string, name: string): boolean {
  if (MINIFIED_NAME.test(name)) return true;
  if (!/\.[cm]?jsx?$/.test(name)) return false;
  const head = Buffer.alloc(4096);
  let fd: number;
  try {
    fd = openSync(full, 'r');
  } catch {
    // Unreadable: keep it in the list so the scan reports the read error for this file.
    return false;
  }
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    return head
      .subarray(0, read)
      .toString('utf8')
      .split('\n')
      .some((line) => line.length >= MINIFIED_LINE_LENGTH);
  } finally {
    closeSync(fd);
  }
}

/**
 * The one parse cache for modules read from disk (the modules a linted file imports, and the
 * modules that import it). Every per-file reader (module summaries, fs-wrapper summaries,
 * machine-local roots, task variants, the registration pre-check of importers) derives its value
 * through `FileVersionCache`, which hands it the file's `ModuleSource`: the text is read once per
 * file version and TypeScript's syntax tree is built at most once per version, on the first
 * `parse()`, whichever reader asks first. A file version is its path, modification time and size.
 * For the file the host is linting (`setHostFile`), the host's own TypeScript tree is used when the
 * text on disk is the text the host parsed, so the linted file is never parsed twice.
 *
 * The trees are kept for the most recently read {@link MAX_TREES} file versions only (the
 * readers of one linted file ask about the same imported modules one after another); each reader
 * keeps its own small derived value per version, never a syntax node.
 */
import { readFileSync } from 'node:fs';
import type * as TS from 'typescript';
import { clearFileStats } from './file-stats.js';
import { parseModule } from './parse-module.js';
import { ts } from './typescript.js';

/** One version of a module on disk. */
export interface ModuleSource {
  /** Absolute path. */
  readonly file: string;
  readonly text: string;
  /**
   * TypeScript's syntax tree of `text` (see `parseModule`), built on the first call and shared by
   * every reader of this version; throws the same `SyntaxError` on every call when it does not parse.
   */
  parse(): TS.SourceFile;
}

/** How many file versions keep their text and tree between readers. */
export const MAX_TREES = 256;

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly source: ModuleSource;
}

const recent = new Map<string, Entry>();
let parses = 0;

/**
 * The file the host is linting, with TypeScript's tree of it when the host's parser built one
 * (typescript-eslint's parser does, with or without type information; oxlint does not). A reader
 * asking about the linted file itself (the routers a server mounts are asked whether an export is
 * their own) then uses that tree instead of parsing the file again.
 */
interface HostFile {
  readonly file: string;
  readonly text: string;
  readonly tree: () => TS.SourceFile | undefined;
  /** TypeScript's tree of another file in the host's program (type-aware linting), if it has it. */
  readonly programTree: (file: string) => TS.SourceFile | undefined;
}

/** The part of a TypeScript `Program` read here. */
interface HostProgram {
  getSourceFile(file: string): unknown;
}

let host: HostFile | undefined;

/**
 * Records the file the host is linting: its absolute path, its text, and a way to get the
 * TypeScript tree the host built of exactly that text (called at most once, when a reader needs it).
 * A source read from disk uses that tree only when the file on disk has the same text.
 */
export function setHostFile(file: string, text: string, tree: () => unknown, program?: () => unknown): void {
  if (host?.file === file && host.text === text) return;
  let known: { value: TS.SourceFile | undefined } | undefined;
  host = {
    file,
    text,
    tree: () => {
      if (known === undefined) {
        const node = tree();
        known = { value: isSourceFile(node) && node.text === text ? node : undefined };
      }
      return known.value;
    },
    programTree: (other) => {
      const found = program?.() as HostProgram | null | undefined;
      if (typeof found?.getSourceFile !== 'function') return undefined;
      const node = found.getSourceFile(other);
      return isSourceFile(node) ? node : undefined;
    },
  };
}

function isSourceFile(node: unknown): node is TS.SourceFile {
  return typeof node === 'object' && node !== null && (node as TS.Node).kind === ts.SyntaxKind.SourceFile;
}

/** A `ModuleSource` over `text` (parsed lazily, once; `given` is a tree of `text` already built). */
export function sourceOfText(file: string, text: string, given?: TS.SourceFile): ModuleSource {
  let tree: TS.SourceFile | undefined = given;
  let error: Error | undefined;
  return {
    file,
    text,
    parse() {
      if (tree) return tree;
      if (error !== undefined) throw error;
      try {
        parses += 1;
        tree = parseModule(file, text);
        return tree;
      } catch (caught) {
        error = caught instanceof Error ? caught : new Error(String(caught));
        throw error;
      }
    },
  };
}

/**
 * The source of `file` (absolute) at the version `stats` describes (from a `statSync` the caller
 * just made): the recent one when path, modification time and size match, else read now. Throws
 * when the file cannot be read.
 */
export function moduleSourceAt(file: string, stats: { readonly mtimeMs: number; readonly size: number }): ModuleSource {
  const known = recent.get(file);
  if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) {
    // Most recently used last, so the oldest entry is the first one evicted.
    recent.delete(file);
    recent.set(file, known);
    return known.source;
  }
  const text = readFileSync(file, 'utf8');
  // The host's own trees: of the linted file, else of a file of its type-aware program (which
  // parsed every file of the project already); only when the text is the text on disk.
  const hostTree = host === undefined ? undefined : host.file === file && host.text === text ? host.tree() : host.programTree(file);
  const source = sourceOfText(file, text, hostTree?.text === text ? hostTree : undefined);
  recent.delete(file);
  recent.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, source });
  if (recent.size > MAX_TREES) recent.delete(recent.keys().next().value!);
  return source;
}

/** Forgets every kept source (tests, and tools that rewrite files within one process). */
export function clearModuleSources(): void {
  recent.clear();
  host = undefined;
  clearFileStats();
}

/** How many parses `ModuleSource.parse` has run in this process (for tests and measurements). */
export function moduleParseCount(): number {
  return parses;
}

/** One problem in a manifest, with where it is and what to write instead. */
export interface ManifestIssue {
  /** Manifest file the issue is in. */
  readonly file: string;
  /** 1-based line (1 when the problem is the file as a whole). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** Stable machine-readable kind, e.g. `role`, `duplicate`, `tie`, `syntax`. */
  readonly code: ManifestIssueCode;
  /** One sentence: what is wrong and what to write instead. */
  readonly message: string;
}

/** Kinds of manifest problems. */
export type ManifestIssueCode =
  | 'unreadable'
  | 'syntax'
  | 'shape'
  | 'version'
  | 'unknown-key'
  | 'missing-key'
  | 'method'
  | 'path'
  | 'role'
  | 'reason'
  | 'duplicate'
  | 'tie';

/**
 * A broken manifest: every problem found, in file order. Thrown by nothing in this package;
 * returned in `{ ok: false, error }` results so a linter can report it and a server can throw it.
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  readonly file: string;
  readonly issues: readonly ManifestIssue[];

  constructor(file: string, issues: readonly ManifestIssue[]) {
    const sorted = [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
    const count = sorted.length === 1 ? '1 problem' : `${sorted.length} problems`;
    const lines = sorted.map((i) => `  ${i.file}:${i.line}:${i.column} ${i.message}`);
    super(`Invalid route manifest ${file} (${count}):\n${lines.join('\n')}`);
    this.file = file;
    this.issues = sorted;
  }
}

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** The escape hatch: `// fleet-allow-spawn: <reason>`. */
const MARKER = /^\s*fleet-allow-spawn\b:?(.*)$/s;

/** A `fleet-allow-spawn` comment that covers a spawn site, with its (trimmed) reason. */
export interface AllowComment {
  readonly comment: TSESTree.Comment;
  readonly reason: string;
}

/**
 * Finds the escape-hatch comment for spawn sites: on the line above the statement holding the
 * site, or trailing on the site's own line. The comment index is built on first use only.
 */
export class AllowComments {
  private byLine: Map<number, AllowComment> | undefined;

  constructor(private readonly sourceCode: Readonly<TSESLint.SourceCode>) {}

  /** The comment covering `node`, if any. */
  for(node: TSESTree.Node): AllowComment | undefined {
    const index = (this.byLine ??= this.index());
    if (index.size === 0) return undefined;
    const line = statementOf(node).loc.start.line;
    const above = index.get(line - 1);
    if (above && above.comment.loc.start.line === above.comment.loc.end.line) return above;
    const trailing = index.get(node.loc.start.line);
    return trailing && trailing.comment.range[0] > node.range[0] ? trailing : undefined;
  }

  private index(): Map<number, AllowComment> {
    const byLine = new Map<number, AllowComment>();
    for (const comment of this.sourceCode.getAllComments()) {
      const match = MARKER.exec(comment.value);
      if (match) byLine.set(comment.loc.end.line, { comment, reason: (match[1] ?? '').trim() });
    }
    return byLine;
  }
}

/** The statement (or class member) that starts the line a comment above would annotate. */
function statementOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && !/Statement$|Declaration$|^PropertyDefinition$/.test(current.type)) current = current.parent;
  return current;
}

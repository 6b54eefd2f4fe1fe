/**
 * Verdicts for the leaves of a path expression that need no data flow: string literals and the
 * request's own uploaded files. A relative literal (`'public/index.html'`) resolves against the
 * working directory, which is the deployed bundle (as `process.cwd()` is); an absolute one other
 * than `/tmp/...` (`'/var/data/app.db'`) is a directory of this machine that another replica does
 * not share. An upload (`req.file.path`, `ctx.request.files.doc.filepath`) is a temporary file the
 * body parser wrote on this replica for this very request, so reading it is scratch space.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';

/** What a string literal path is: the bundle, scratch space or a machine directory (`local`). */
export type LiteralKind = 'bundle' | 'scratch' | 'local';

/** The kind of a literal path, or `undefined` for a literal that is not a string. */
export function literalKind(node: TSESTree.Literal | TSESTree.TemplateElement): LiteralKind | undefined {
  const text = node.type === AST_NODE_TYPES.Literal ? node.value : node.value.cooked;
  if (typeof text !== 'string') return undefined;
  if (text === '/tmp' || text.startsWith('/tmp/')) return 'scratch';
  // `C:\data`, `/srv/x`, `\\share\x`: absolute; `~` is a home directory, also this machine's.
  return /^([/\\~]|[A-Za-z]:[/\\])/.test(text) ? 'local' : 'bundle';
}

const UPLOAD_HOLDERS = new Set(['file', 'files', 'upload', 'uploads', 'uploadedFile', 'uploadedFiles', 'attachment']);
const UPLOAD_PATHS = new Set(['path', 'filepath', 'filePath', 'tempFilePath', 'tmpPath', 'tempPath']);

/** `req.file.path`, `files.avatar.filepath`, `file.tempFilePath`: a chain naming an upload's temp path. */
export function isUploadPath(chain: readonly string[]): boolean {
  const last = chain[chain.length - 1];
  return last !== undefined && UPLOAD_PATHS.has(last) && chain.slice(0, -1).some((segment) => UPLOAD_HOLDERS.has(segment));
}

import type { ManifestIssue } from '../manifest-error.js';
import { patternsOverlap } from '../pattern-relations.js';
import { patternRank } from '../specificity.js';
import type { Declaration, Pattern } from '../types.js';

/**
 * Duplicates (same method, same pattern up to parameter names) and ties (same method, same
 * precedence, overlapping paths). Any two declarations that could both win one request have the
 * same method and rank, so this pairwise check finds every tie `classify` could meet.
 */
export function findConflicts(file: string, declarations: readonly Declaration[]): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  const byShape = new Map<string, Declaration>();
  // Only declarations with the same method and rank can tie, so compare within those groups.
  const groups = new Map<string, Declaration[]>();
  for (const later of declarations) {
    const where = { file, line: later.position.line, column: later.position.column };
    const shapeKey = `${later.method} ${shape(later.pattern)}`;
    const earlier = byShape.get(shapeKey);
    if (earlier) {
      issues.push({
        ...where,
        code: 'duplicate',
        message: `\`${describe(later)}\` is already declared on line ${earlier.position.line} (\`${describe(earlier)}\`); keep one of them.`,
      });
      continue;
    }
    byShape.set(shapeKey, later);
    const groupKey = `${later.method} ${patternRank(later.pattern)}`;
    const group = groups.get(groupKey) ?? [];
    for (const other of group) {
      if (!patternsOverlap(other.pattern, later.pattern)) continue;
      issues.push({
        ...where,
        code: 'tie',
        message: `\`${describe(later)}\` ties with \`${describe(other)}\` on line ${other.position.line}: both match \`${witness(other.pattern, later.pattern)}\` with equal precedence; add a literal segment to one, or declare the shared path explicitly.`,
      });
    }
    group.push(later);
    groups.set(groupKey, group);
  }
  return issues;
}

function describe(declaration: Declaration): string {
  return `${declaration.method} ${declaration.path}`;
}

/** The pattern with parameter names erased: equal shapes match exactly the same paths. */
function shape(pattern: Pattern): string {
  return pattern.segments.map((s) => (s.kind === 'literal' ? `=${s.value}` : s.kind === 'param' ? '{}' : '{*}')).join('/');
}

/** A concrete path both overlapping patterns match: literals where either has one, `x` elsewhere. */
function witness(a: Pattern, b: Pattern): string {
  const fixedA = a.hasRest ? a.segments.length - 1 : a.segments.length;
  const fixedB = b.hasRest ? b.segments.length - 1 : b.segments.length;
  const length = a.hasRest && b.hasRest ? Math.max(fixedA, fixedB) + 1 : a.hasRest ? fixedB : b.hasRest ? fixedA : fixedA;
  const parts: string[] = [];
  for (let i = 0; i < length; i++) {
    const x = i < fixedA ? a.segments[i] : undefined;
    const y = i < fixedB ? b.segments[i] : undefined;
    parts.push(x?.kind === 'literal' ? x.value : y?.kind === 'literal' ? y.value : 'x');
  }
  return `/${parts.join('/')}`;
}

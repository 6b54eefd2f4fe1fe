/** Most variants one path may expand to; beyond this the path is reported as not normalisable. */
export const MAX_VARIANTS = 16;

/**
 * Expands path-to-regexp optional groups (`/users{/:id}`, `{/:id}?`) into the paths with and
 * without each group. Regex bodies in parentheses are skipped, so `{` inside them is left alone.
 * Returns `undefined` when braces do not balance or there are too many variants.
 */
export function expandOptionalGroups(path: string): string[] | undefined {
  const open = findGroupStart(path);
  if (open === -1) return [path];
  const close = matchingBrace(path, open);
  if (close === -1) return undefined;
  const modifier = path[close + 1] === '?' ? 1 : 0;
  const before = path.slice(0, open);
  const inner = path.slice(open + 1, close);
  const after = path.slice(close + 1 + modifier);
  const withGroup = expandOptionalGroups(before + inner + after);
  const withoutGroup = expandOptionalGroups(before + after);
  if (!withGroup || !withoutGroup) return undefined;
  const variants = [...new Set([...withoutGroup, ...withGroup])];
  return variants.length > MAX_VARIANTS ? undefined : variants;
}

function findGroupStart(path: string): number {
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '{' && depth === 0) return i;
  }
  return -1;
}

function matchingBrace(path: string, open: number): number {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    const char = path[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return i;
  }
  return -1;
}

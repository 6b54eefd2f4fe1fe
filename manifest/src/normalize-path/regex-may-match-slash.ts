/**
 * Whether a route parameter's regular expression (source text) can match a `/`, i.e. whether the
 * parameter can span segments: an unescaped `.`, `\D` `\S` `\W`, a literal `/`, a negated class
 * without `/`, or a class that lists `/`. Errs towards "yes", which makes the parameter a trailing
 * wildcard (a wider pattern needs a wider declaration, never a wrong one).
 */
export function regexMayMatchSlash(source: string): boolean {
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if ('DSW/'.includes(next)) return true;
      i++;
    } else if (char === '.' || char === '/') {
      return true;
    } else if (char === '[') {
      const end = classEnd(source, i);
      const body = source.slice(i + 1, end);
      const negated = body.startsWith('^');
      const listsSlash = body.includes('/');
      if (negated ? !listsSlash : listsSlash) return true;
      i = end;
    }
  }
  return false;
}

function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']' && i > open + 1) return i;
  }
  return source.length;
}

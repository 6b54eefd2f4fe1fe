/** A piece of one path segment in a router's syntax. */
export type RouteToken =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'param';
      readonly name: string | undefined;
      readonly regex: string | undefined;
      readonly modifier: '' | '?' | '*' | '+';
    }
  | { readonly kind: 'wildcard'; readonly name: string | undefined };

/** Syntax differences between the `:param` routers. */
export interface RouteSyntax {
  /** Opening bracket of a parameter's regex: `(` (path-to-regexp, find-my-way) or `{` (Hono). */
  readonly regexOpen: '(' | '{';
  /** Whether `::` is an escaped colon (find-my-way). */
  readonly doubleColonEscape: boolean;
  /** Whether `*name` names a wildcard (path-to-regexp 8); otherwise `*` is anonymous. */
  readonly namedWildcards: boolean;
}

/** Splits a router path into segments of tokens; `undefined` when a regex bracket never closes. */
export function tokenizeRoutePath(path: string, syntax: RouteSyntax): RouteToken[][] | undefined {
  const close = syntax.regexOpen === '(' ? ')' : '}';
  const segments: RouteToken[][] = [];
  let current: RouteToken[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') current.push({ kind: 'text', value: text });
    text = '';
  };
  let i = 0;
  while (i < path.length) {
    const char = path[i]!;
    if (char === '/') {
      flush();
      segments.push(current);
      current = [];
      i++;
    } else if (char === '\\') {
      text += path[i + 1] ?? '';
      i += 2;
    } else if (char === ':' && syntax.doubleColonEscape && path[i + 1] === ':') {
      text += ':';
      i += 2;
    } else if (char === ':' || char === syntax.regexOpen) {
      flush();
      let name: string | undefined;
      if (char === ':') {
        const match = /^(?:"([^"]+)"|(\w+))/.exec(path.slice(i + 1));
        name = match?.[1] ?? match?.[2];
        i += 1 + (match?.[0].length ?? 0);
      }
      let regex: string | undefined;
      if (path[i] === syntax.regexOpen) {
        const end = matchingClose(path, i, syntax.regexOpen, close);
        if (end === -1) return undefined;
        regex = path.slice(i + 1, end);
        i = end + 1;
      }
      const modifier = '?*+'.includes(path[i] ?? '/') ? (path[i] as '?' | '*' | '+') : '';
      if (modifier) i++;
      current.push({ kind: 'param', name, regex, modifier });
    } else if (char === '*') {
      flush();
      const match = syntax.namedWildcards ? /^\w+/.exec(path.slice(i + 1)) : null;
      current.push({ kind: 'wildcard', name: match?.[0] });
      i += 1 + (match?.[0].length ?? 0);
    } else {
      text += char;
      i++;
    }
  }
  flush();
  segments.push(current);
  return segments;
}

function matchingClose(path: string, open: number, openChar: string, closeChar: string): number {
  let depth = 0;
  for (let i = open; i < path.length; i++) {
    const char = path[i];
    if (char === '\\') i++;
    else if (char === openChar) depth++;
    else if (char === closeChar && --depth === 0) return i;
  }
  return -1;
}

/**
 * Splits a concrete request path into segments: drops a query string or fragment and one trailing
 * slash (routers treat `/a/` as `/a` unless in strict mode), and does not percent-decode, so a
 * literal segment matches the path as the client sent it. `/` gives no segments.
 */
export function splitRequestPath(path: string): string[] {
  let end = path.length;
  const query = path.search(/[?#]/);
  if (query !== -1) end = query;
  const start = path.startsWith('/') ? 1 : 0;
  if (end > start && path.charCodeAt(end - 1) === 47) end -= 1;
  if (end <= start) return [];
  return path.slice(start, end).split('/');
}

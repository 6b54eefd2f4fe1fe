/** HTTP methods a declaration may name, besides `*` (any method). */
export const HTTP_METHODS: readonly string[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT'];

/** Method of a request that matches only `*` declarations; used to stand for "any method" in analysis. */
export const ANY_METHOD = '*';

/**
 * How well a declaration's method fits a request method: 2 exact, 1 a `GET` declaration answering
 * `HEAD` (frameworks serve HEAD from the GET handler, so the role must follow it), 0 for `*`,
 * -1 no match.
 */
export function methodFit(declared: string, requested: string): number {
  if (declared === requested) return declared === ANY_METHOD ? 0 : 2;
  if (declared === ANY_METHOD) return 0;
  if (declared === 'GET' && requested === 'HEAD') return 1;
  return -1;
}

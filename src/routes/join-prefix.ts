/** Joins a prefix and a route path the way every framework serves them: one `/` between, none added for `/` or `''`. */
export function joinPrefix(prefix: string, routePath: string): string {
  if (prefix === '' || prefix === '/') return routePath;
  if (routePath === '/' || routePath === '') return prefix;
  return prefix.endsWith('/') && routePath.startsWith('/') ? prefix + routePath.slice(1) : prefix + routePath;
}

// fleet-routes: the route-role manifest, shared by the ESLint rules (lint time) and the runtime's
// role guard (run time). It depends only on `yaml`.
export { analyzeRoutes, type RouteAnalysis } from './analyze-routes.js';
export { appendDeclarations, type NewDeclaration } from './append-declarations.js';
export { classify, classifyParsedPattern, classifyPattern, classifySegments } from './classify.js';
export { findManifest, MANIFEST_FILE_NAME } from './find-manifest.js';
export { clearManifestCache, loadManifest } from './load-manifest.js';
export { ManifestError, type ManifestIssue, type ManifestIssueCode } from './manifest-error.js';
export { matchPath } from './match-path.js';
export { ANY_METHOD, HTTP_METHODS, methodFit } from './methods.js';
export { normalizePath, type Framework, type NormalizeResult } from './normalize-path/normalize-path.js';
export { MANIFEST_VERSION, parseManifest, type ManifestResult } from './parse-manifest/parse-manifest.js';
export { parsePattern, type ParsePatternResult } from './parse-pattern.js';
export { patternCovers, patternsOverlap } from './pattern-relations.js';
export type { PrefixNode } from './prefix-index.js';
export { patternRank } from './specificity.js';
export { splitRequestPath } from './split-request-path.js';
export type { Declaration, Manifest, Pattern, Role, RouteRef, Segment, SourcePosition } from './types.js';

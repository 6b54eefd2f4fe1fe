/** GraphQL: resolvers of queries, mutations and fields (NestJS / TypeGraphQL decorators, resolver maps); handlers without a route path. */
import type { FrameworkDefinition } from '../framework.js';
import { CANDIDATE, detectGraphql } from './detector.js';

export const graphql: FrameworkDefinition<'graphql'> = {
  name: 'graphql',
  title: 'GraphQL',
  detect: detectGraphql,
  // The detector's own first test: a resolver decorator or a `Query:` / `Mutation:` key.
  mayDetect: (_filename, text) => CANDIDATE.test(text),
  // Resolvers answer by returning; they register no route the inventory lists.
  answersBy: 'return',
  pathSyntax: 'express',
  mayRoute: [],
};

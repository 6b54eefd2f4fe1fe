/** GraphQL: resolvers of queries, mutations and fields (NestJS / TypeGraphQL decorators, resolver maps); handlers without a route path. */
import type { FrameworkDefinition } from '../framework.js';
import { detectGraphql } from './detector.js';

export const graphql: FrameworkDefinition<'graphql'> = {
  name: 'graphql',
  title: 'GraphQL',
  detect: detectGraphql,
  // Resolvers answer by returning; they register no route the inventory lists.
  answersBy: 'return',
  pathSyntax: 'express',
  mayRoute: [],
};

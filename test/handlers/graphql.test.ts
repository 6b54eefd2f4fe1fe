import { describe, expect, it } from 'vitest';
import { handlersIn } from './parse.js';

describe('graphql detector', () => {
  it('finds @Query, @Mutation and @ResolveField methods of a NestJS resolver, not @Subscription nor plain methods', () => {
    expect(
      handlersIn(`import { Args, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { UseGuards } from '@nestjs/common';
@Resolver(() => Infra)
export class InfraResolver {
  constructor(private readonly infra: InfraService) {}
  @Query(() => Infra)
  infra() { return {}; }
  @Mutation(() => Boolean)
  @UseGuards(AdminGuard)
  async resetInfraConfigs() { return this.infra.reset(); }
  @ResolveField(() => Number)
  usersCount() { return this.infra.count(); }
  @Subscription(() => Infra)
  infraChanged() { return this.pubsub.asyncIterator('infra'); }
  helper() { return 1; }
}
`),
    ).toEqual([
      { framework: 'graphql', kind: 'route', confidence: 'certain', label: 'Query infra', complete: undefined, line: 7 },
      { framework: 'graphql', kind: 'route', confidence: 'certain', label: 'Mutation resetInfraConfigs', complete: undefined, line: 10 },
      {
        framework: 'graphql',
        kind: 'route',
        confidence: 'certain',
        label: 'resolver InfraResolver.usersCount',
        complete: undefined,
        line: 12,
      },
    ]);
  });

  it('finds TypeGraphQL resolvers through a namespace import and ignores look-alike decorators', () => {
    expect(
      handlersIn(`import * as tg from 'type-graphql';
import { Query } from './my-decorators';
@tg.Resolver()
class RecipeResolver {
  @tg.Mutation(() => Recipe)
  addRecipe() { return save(); }
  @Query()
  notGraphql() { return 1; }
}
`),
    ).toEqual([{ framework: 'graphql', kind: 'route', confidence: 'certain', label: 'Mutation addRecipe', complete: undefined, line: 6 }]);
  });

  it('finds Query and Mutation resolvers of a resolver map: certain with a server package, heuristic when named resolvers', () => {
    expect(
      handlersIn(`import { ApolloServer } from '@apollo/server';
const server = new ApolloServer({
  typeDefs,
  resolvers: {
    Query: { user: (_parent, args) => db.user(args.id) },
    Mutation: { createUser: { resolve: async (_parent, args) => db.create(args) } },
    User: { posts: (user) => db.posts(user.id) },
  },
});
`),
    ).toEqual([
      { framework: 'graphql', kind: 'route', confidence: 'certain', label: 'Query user', complete: undefined, line: 5 },
      { framework: 'graphql', kind: 'route', confidence: 'certain', label: 'Mutation createUser', complete: undefined, line: 6 },
    ]);
    expect(
      handlersIn(`export const resolvers = {
  Mutation: { async sendInvite(_parent, args) { return invite(args); } },
};
const labels = { Query: { title: () => 'Search' } };
`),
    ).toEqual([
      { framework: 'graphql', kind: 'route', confidence: 'heuristic', label: 'Mutation sendInvite', complete: undefined, line: 2 },
    ]);
  });
});

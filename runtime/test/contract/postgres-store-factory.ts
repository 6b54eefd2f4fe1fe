import { dropSchema, freshSchema, openTestStore } from '../pg-helpers.js';
import type { StoreFactory } from './stores.js';

/**
 * The contract suite's PostgreSQL backend: every `open()` gets its own fresh schema in the test
 * database, so parallel test files never collide; `dispose` drops it. An unreachable server fails
 * the test with a message saying how to start it (never a skip).
 */
export const postgresStoreFactory: StoreFactory = {
  name: 'postgres',
  async open() {
    const schema = freshSchema('contract');
    const store = await openTestStore(schema);
    return {
      store,
      async dispose() {
        await store.close();
        await dropSchema(schema);
      },
    };
  },
};

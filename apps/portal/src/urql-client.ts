import { Client, cacheExchange, fetchExchange } from 'urql';

/** The API is on the same origin: served together in production, proxied by Vite in development. */
export const urqlClient = new Client({
  url: '/graphql',
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: 'cache-first',
});

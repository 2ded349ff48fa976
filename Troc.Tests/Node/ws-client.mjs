// Drives the Troc server with the real graphql-ws client (what the web app and Banana Cake Pop use) and prints
// what it saw as JSON, for GraphQLWsClientTests to assert and snapshot.
// Usage: node ws-client.mjs ws://127.0.0.1:<port>/graphql
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const url = process.argv[2];
if (!url) {
  console.error('usage: node ws-client.mjs <ws-url>');
  process.exit(2);
}

// Never hang a test run: a stuck socket fails loudly instead.
setTimeout(() => {
  console.error('ws-client.mjs: timed out');
  process.exit(3);
}, 60_000).unref();

function connect(connectionParams) {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
}

/** Every result of one operation, or how it failed (GraphQL errors, or the socket's close code and reason). */
async function run(client, payload) {
  const results = [];
  try {
    for await (const result of client.iterate(payload)) results.push(result);
    return { results };
  } catch (failure) {
    if (Array.isArray(failure)) return { results, errors: failure.map((error) => error.message) };
    if (failure && typeof failure.code === 'number') return { results, closed: { code: failure.code, reason: String(failure.reason) } };
    throw failure;
  }
}

const anonymous = connect();
const alice = connect({ authorization: 'Bearer valid:alice' });
const forged = connect({ authorization: 'Bearer forged' });
try {
  const report = {
    query: await run(anonymous, {
      query: 'query Greet($name: String!) { greeting(name: $name) viewer }',
      variables: { name: 'graphql-ws' },
    }),
    mutation: await run(anonymous, { query: 'mutation { addToTotal(amount: 5) }' }),
    subscription: await run(anonymous, { query: 'subscription { counter(upTo: 3) { value viewer } }' }),
    validationError: await run(anonymous, { query: '{ noSuchField }' }),
    authenticated: await run(alice, { query: 'subscription { counter(upTo: 2) { value viewer } }' }),
    forbidden: await run(forged, { query: '{ viewer }' }),
  };
  console.log(JSON.stringify(report, null, 2));
} finally {
  await Promise.all([anonymous.dispose(), alice.dispose(), forged.dispose()]);
}

// Shows what the real graphql-ws client does when the server closes its socket because the access token expired
// (4403): it reconnects on its own, asking connectionParams for credentials again, and resubscribes.
// Usage: node ws-reconnect.mjs ws://127.0.0.1:<port>/graphql <short-lived token> <fresh token>
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, expiringToken, freshToken] = process.argv.slice(2);
if (!freshToken) {
  console.error('usage: node ws-reconnect.mjs <ws-url> <short-lived token> <fresh token>');
  process.exit(2);
}

setTimeout(() => {
  console.error('ws-reconnect.mjs: timed out');
  process.exit(3);
}, 60_000).unref();

const report = { tokensAsked: [], closed: [], connected: 0 };
const resubscribed = new Promise((resolve) => {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    // What a web app does: hand over the newest token it holds at each (re)connection.
    connectionParams: () => {
      const token = report.tokensAsked.length === 0 ? expiringToken : freshToken;
      report.tokensAsked.push(token === expiringToken ? 'expiring' : 'fresh');
      return { authorization: `Bearer ${token}` };
    },
    retryAttempts: 3,
    retryWait: () => new Promise((done) => setTimeout(done, 100)),
    on: {
      closed: (event) => report.closed.push({ code: event.code, reason: String(event.reason) }),
      connected: () => {
        report.connected += 1;
        if (report.connected === 2) resolve(client);
      },
    },
  });
  client.subscribe({ query: 'subscription { savedSearchMatched { id } }' }, {
    next: () => {},
    error: (error) => {
      report.error = String(error?.reason ?? error);
      resolve(client);
    },
    complete: () => {},
  });
});

const client = await resubscribed;
await client.dispose();
console.log(JSON.stringify(report, null, 2));

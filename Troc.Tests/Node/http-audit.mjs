// Runs graphql-http's GraphQL-over-HTTP audit suite against a running server and prints every result as JSON:
//   node http-audit.mjs http://127.0.0.1:5000/graphql
// Output: [{ "id": "22EB", "name": "SHOULD accept ...", "status": "ok" | "notice" | "warn" | "error", "reason": ... }]
// graphql-http reports a failed MUST as "error", a failed SHOULD as "warn" and a failed MAY as "notice".
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node http-audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: fetch })) {
  try {
    const result = await audit.fn();
    results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
  } catch (error) {
    // graphql-http rethrows anything that is not an assertion (server unreachable, body not JSON): still a failure.
    results.push({ id: audit.id, name: audit.name, status: 'error', reason: `audit crashed: ${error?.message ?? error}` });
  }
}
console.log(JSON.stringify(results, null, 2));

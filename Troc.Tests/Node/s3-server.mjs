// A real S3-protocol server (s3rver: SigV4-checked REST over a folder) for the S3 image store's tests.
// Usage: node s3-server.mjs <folder> <bucket>. Prints "listening <port>" once ready; stops when stdin closes,
// so the .NET fixture that started it never leaves it behind.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
if (!directory || !bucket) {
  console.error('usage: node s3-server.mjs <folder> <bucket>');
  process.exit(2);
}

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: [{ name: bucket }],
});

const { port } = await server.run();
console.log(`listening ${port}`);

process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  process.exit(0);
});

// The trace sink of `--otel` runs: an OTLP/HTTP endpoint that accepts every export, counts it and
// throws it away, in its own process (as the baseline is) so that it takes no CPU from the load
// generator's event loop. `GET /stats` answers the counts.
import { createServer } from 'node:http';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('otlp-sink: PORT must be set\n');
  process.exit(2);
}

const stats = { exports: 0, bytes: 0 };
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
    return;
  }
  let bytes = 0;
  req.on('data', (c) => (bytes += c.length));
  req.on('end', () => {
    if (req.method === 'POST' && req.url === '/v1/traces') {
      stats.exports++;
      stats.bytes += bytes;
      // An empty ExportTraceServiceResponse: zero bytes in protobuf.
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    } else {
      res.writeHead(404).end();
    }
  });
});

process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
server.listen(port, '127.0.0.1', () => process.stdout.write(`otlp sink listening on ${port}\n`));

// The yardstick: a bare Fastify hello-world, the most a Node HTTP framework does per request on
// this machine. Started by run.mjs in its own process so that it gets a CPU of its own scheduling
// like the Nexus server does (a baseline inside the load generator's process would share its
// event loop and be measured low).
import Fastify from 'fastify';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('baseline-server: PORT must be set\n');
  process.exit(2);
}

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

// Exit with the parent: a benchmark killed with Ctrl-C must not leave a server behind.
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));

await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`baseline listening on ${port}\n`);

import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { serveParent } from './child-process.ts';

// PGlite behind the Postgres wire protocol in its own process: the database of a deployment, whose
// CPU is not the application server's. argv[2]: connections the multiplexer accepts.
const pglite = new PGlite({ extensions: { vector } });
await pglite.waitReady;
const server = new PGLiteSocketServer({
  db: pglite,
  host: '127.0.0.1',
  port: 0,
  maxConnections: Number(process.argv[2] ?? 10),
});
await server.start();
serveParent({ url: `postgres://postgres@${server.getServerConn()}/postgres` }, async () => {
  await server.stop();
  await pglite.close();
});

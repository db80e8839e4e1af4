import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2, { type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import net, { type AddressInfo, type Socket } from 'node:net';

type Handler = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => void;

/**
 * One loopback port serving both HTTP/1.1 and HTTP/2 cleartext (prior knowledge) with the same
 * handler. The first bytes are sniffed (an h2c client opens with "PRI * HTTP/2.0") and the
 * connection relayed to the matching server: Node 20 cannot hand an already-read socket to an
 * h2c server, so emit('connection') does not work here.
 */
export async function listenHttp1AndH2c(
  handler: Handler,
  options: { keepAliveTimeoutMs?: number } = {},
): Promise<{ port: number; connections(): number; close(): Promise<void> }> {
  const h1 = http.createServer(handler);
  // How long an idle HTTP/1.1 connection stays open (Node's default: 5 s), to test clients that
  // keep connections alive against a server that closes them.
  if (options.keepAliveTimeoutMs !== undefined) h1.keepAliveTimeout = options.keepAliveTimeoutMs;
  const h2 = http2.createServer(handler);
  const listen = (srv: net.Server) =>
    new Promise<number>((ready) =>
      srv.listen(0, '127.0.0.1', () => ready((srv.address() as AddressInfo).port)),
    );
  const [h1Port, h2Port] = [await listen(h1), await listen(h2)];
  const sockets = new Set<Socket>();
  let accepted = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  const tcp = net.createServer((socket) => {
    accepted++;
    track(socket);
    socket.once('data', (first) => {
      const upstream = net.connect(
        first.subarray(0, 3).toString('latin1') === 'PRI' ? h2Port : h1Port,
        '127.0.0.1',
      );
      track(upstream);
      upstream.write(first);
      socket.pipe(upstream).pipe(socket);
      const end = () => {
        socket.destroy();
        upstream.destroy();
      };
      socket.once('error', end).once('close', end);
      upstream.once('error', end).once('close', end);
    });
  });
  return {
    port: await listen(tcp),
    /** TCP connections accepted so far (a client reusing its sessions opens few). */
    connections: () => accepted,
    close: async () => {
      for (const s of sockets) s.destroy();
      await Promise.all([tcp, h1, h2].map((srv) => new Promise<void>((done) => srv.close(() => done()))));
    },
  };
}

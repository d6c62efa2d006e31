// A TCP proxy between the application and a database server that a test can cut and restore: the
// database "goes away" (every connection dropped, new ones refused) without touching the server,
// which other tests share.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Local ports of the proxy's connections to the target: `client_port` in pg_stat_activity. */
  upstreamPorts(): number[];
  /** Drops every connection and stops listening: connecting is refused until `restore`. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const upstream = new Set<Socket>();
  const make = (): Server =>
    createServer((client) => {
      const server = createConnection(target);
      sockets.add(client);
      sockets.add(server);
      upstream.add(server);
      const drop = () => {
        client.destroy();
        server.destroy();
        sockets.delete(client);
        sockets.delete(server);
        upstream.delete(server);
      };
      client.on('error', drop).on('close', drop);
      server.on('error', drop).on('close', drop);
      client.pipe(server);
      server.pipe(client);
    });
  const listen = (s: Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        const a = s.address();
        resolve(typeof a === 'object' && a ? a.port : port);
      });
    });
  let server: Server | null = make();
  const port = await listen(server, 0);
  const stop = async () => {
    const s = server;
    server = null;
    for (const x of sockets) x.destroy();
    sockets.clear();
    upstream.clear();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  return {
    port,
    upstreamPorts: () => [...upstream].map((s) => s.localPort).filter((p): p is number => p !== undefined),
    cut: stop,
    async restore() {
      if (server) return;
      server = make();
      await listen(server, port);
    },
    close: stop,
  };
}

import { createServer, connect, type Server, type Socket } from 'node:net';

/** A local TCP proxy in front of a real server, which a test can freeze to simulate a partition. */
export interface TcpProxy {
  port: number;
  /** Stop forwarding in both directions but keep every socket open: the peer sees silence, not a close. */
  freeze(): void;
  close(): Promise<void>;
}

const listen = (server: Server): Promise<number> =>
  new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done((server.address() as { port: number }).port);
    });
  });

/** Forward 127.0.0.1:<port> to `target`. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let frozen = false;
  const server = createServer((inbound) => {
    const outbound = connect(target.port, target.host);
    sockets.add(inbound).add(outbound);
    const forward = (from: Socket, to: Socket): void => {
      from.on('data', (chunk) => {
        if (!frozen) to.write(chunk);
      });
      from.on('close', () => {
        if (!frozen) to.destroy();
      });
      from.on('error', () => undefined);
    };
    forward(inbound, outbound);
    forward(outbound, inbound);
  });
  const port = await listen(server);
  return {
    port,
    freeze() {
      frozen = true;
    },
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          done();
        });
      }),
  };
}

/** A server that accepts connections and never says anything: a hung host behind an open port. */
export async function startSilentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  const port = await listen(server);
  return {
    port,
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          done();
        });
      }),
  };
}

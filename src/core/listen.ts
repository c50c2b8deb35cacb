/**
 * @module core/listen
 * A small HTTP server Slipway opens beside the edge (the build relay, the container credentials
 * endpoint): on a preferred port when free, else any, and closed with its open connections.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface OpenServer {
  port: number;
  close(): Promise<void>;
}

export async function openServer(server: Server, host: string, preferredPort: number): Promise<OpenServer> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, host, preferredPort).catch(() => listen(server, host, 0));
  return {
    port,
    close() {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as { port: number }).port);
    });
  });
}

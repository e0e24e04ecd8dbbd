import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy in front of PostgreSQL that counts the statements its clients send: simple-protocol
 * queries ('Q') and extended-protocol executions ('E'). Used only by the counting pass of `pnpm bench`, never
 * under load, so the extra hop does not touch the measured figures.
 */
export class StatementCounter {
  count = 0;
  #server: Server | null = null;
  readonly #sockets = new Set<Socket>();

  constructor(private readonly target: { host: string; port: number }) {}

  /** Starts listening; returns the port to connect to. */
  async listen(): Promise<number> {
    this.#server = createServer((client) => this.#pipe(client));
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    const address = this.#server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  #pipe(client: Socket): void {
    const server = createConnection(this.target);
    this.#sockets.add(client).add(server);
    let buffer = Buffer.alloc(0);
    let started = false;
    client.on('data', (chunk: Buffer) => {
      server.write(chunk);
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        if (!started) {
          // The startup message (or an SSL request) has no type byte: int32 length, then the body.
          if (buffer.length < 4) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(length);
          if (code !== 80877103) started = true; // 80877103: SSLRequest, answered before the real startup
          continue;
        }
        if (buffer.length < 5) break;
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const type = String.fromCharCode(buffer[0]!);
        if (type === 'Q' || type === 'E') this.count += 1;
        buffer = buffer.subarray(1 + length);
      }
    });
    server.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      server.destroy();
      this.#sockets.delete(client);
      this.#sockets.delete(server);
    };
    client.on('close', close).on('error', close);
    server.on('close', close).on('error', close);
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}

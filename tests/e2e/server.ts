// Serves test pages on 127.0.0.1 (a random free port), from strings or from files.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  origin: string;
  url(path: string): string;
  /** Adds or replaces a page. */
  set(path: string, body: string, contentType?: string, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const pages = new Map<string, { body: string; contentType: string; headers: Record<string, string> }>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': page.contentType, ...page.headers }).end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + path,
    set(path, body, contentType = 'text/html; charset=utf-8', headers = {}) {
      pages.set(path, { body, contentType, headers });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

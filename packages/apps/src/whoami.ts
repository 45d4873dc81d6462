import type { TcpSocket } from '@swarmsim/netmodel';
import type { App, AppContext, AppProcess } from './app.js';
import { AppError } from './errors.js';
import { parseRequestHead, type HttpRequestHead } from './http-request.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * traefik/whoami: an HTTP server on port 80 (`WHOAMI_PORT_NUMBER` overrides) answering every request with the
 * container's hostname, its IPs, the peer address it saw and the request echoed back — the tool Swarm demos
 * use to show which task the routing mesh picked.
 */
export const whoami: App = {
  image: 'traefik/whoami',
  start(ctx: AppContext): AppProcess {
    const port = Number.parseInt(ctx.env['WHOAMI_PORT_NUMBER'] ?? '80', 10);
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      const value = ctx.env['WHOAMI_PORT_NUMBER'];
      throw new AppError(
        { code: 'APPS_ERR_BAD_ENV', image: 'traefik/whoami', variable: 'WHOAMI_PORT_NUMBER' },
        `whoami: invalid WHOAMI_PORT_NUMBER ${value}`
      );
    }
    const listener = ctx.ns.tcp.listen('0.0.0.0', port, (conn) => serve(ctx, conn));
    return { stop: () => listener.close() };
  }
};

function serve(ctx: AppContext, conn: TcpSocket): void {
  let buffered = '';
  conn.on('data', (chunk) => {
    buffered += decoder.decode(chunk, { stream: true });
    for (;;) {
      const parsed = parseRequestHead(buffered);
      if (parsed === undefined) return;
      buffered = buffered.slice(parsed.length);
      const close = wantsClose(parsed.head);
      conn.write(encoder.encode(response(ctx, conn, parsed.head, close)));
      if (close) {
        conn.end();
        return;
      }
    }
  });
  conn.on('end', () => conn.end());
}

function wantsClose(head: HttpRequestHead): boolean {
  const connection = head.headers.find(([n]) => n.toLowerCase() === 'connection')?.[1].toLowerCase();
  return connection === 'close' || (head.version === 'HTTP/1.0' && connection !== 'keep-alive');
}

/** The body whoami prints, in its order: Hostname, IPs (lo first), RemoteAddr, then the request head. */
export function whoamiBody(ctx: AppContext, remote: string, head: HttpRequestHead): string {
  const ips = ctx.ns.allInterfaces().flatMap((d) => d.addresses.map((a) => `IP: ${a.address}`));
  const request = [`${head.method} ${head.target} ${head.version}`, ...head.headers.map(([n, v]) => `${n}: ${v}`)];
  return [`Hostname: ${ctx.hostname}`, ...ips, `RemoteAddr: ${remote}`, ...request, '', ''].join('\n').slice(0, -1);
}

function response(ctx: AppContext, conn: TcpSocket, head: HttpRequestHead, close: boolean): string {
  const body = whoamiBody(ctx, `${conn.remoteIp}:${conn.remotePort}`, head);
  const lines = [
    'HTTP/1.1 200 OK',
    `Content-Length: ${encoder.encode(body).length}`,
    'Content-Type: text/plain; charset=utf-8'
  ];
  if (close) lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

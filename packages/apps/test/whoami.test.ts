import { describe, expect, it } from 'vitest';
import { createDockerHost } from '@swarmsim/drivers';
import { Fabric, type Namespace, type TcpSocket } from '@swarmsim/netmodel';
import { ManualClock } from '@swarmsim/clock';
import { findApp, idle, whoami } from '../src/index.js';

function setup() {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock });
  const host = createDockerHost(fabric, 'host');
  const web = fabric.createNamespace('web');
  const client = fabric.createNamespace('client');
  const webEp = host.bridges.connect(web, 'bridge');
  const clientEp = host.bridges.connect(client, 'bridge');
  return { clock, web, client, webIp: webEp.ip, clientIp: clientEp.ip };
}

function request(
  clock: ManualClock,
  client: Namespace,
  from: string,
  to: string,
  text: string
): { response: () => string; socket: TcpSocket } {
  const socket = client.tcp.connect(from, to, 80);
  let response = '';
  socket.on('data', (d) => (response += new TextDecoder().decode(d)));
  socket.on('connect', () => socket.write(new TextEncoder().encode(text)));
  clock.tick(100);
  return { response: () => response, socket };
}

describe('whoami', () => {
  it('answers like traefik/whoami: hostname, IPs, the peer it saw, the request echoed', () => {
    const { clock, web, client, webIp, clientIp } = setup();
    const proc = whoami.start({ ns: web, hostname: '3f4a5b6c7d8e', env: {} });
    const { response, socket } = request(
      clock,
      client,
      clientIp,
      webIp,
      'GET /api HTTP/1.1\r\nHost: web\r\nUser-Agent: curl/8.5.0\r\n\r\n'
    );
    const [head, body] = response().split('\r\n\r\n') as [string, string];
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(head).toContain(`Content-Length: ${new TextEncoder().encode(body).length}`);
    expect(body).toBe(
      [
        'Hostname: 3f4a5b6c7d8e',
        'IP: 127.0.0.1',
        `IP: ${webIp}`,
        `RemoteAddr: ${clientIp}:${socket.localPort}`,
        'GET /api HTTP/1.1',
        'Host: web',
        'User-Agent: curl/8.5.0',
        ''
      ].join('\n')
    );
    proc.stop();
  });

  it('closes after answering Connection: close, and keeps the connection for pipelined keep-alive requests', () => {
    const { clock, web, client, webIp, clientIp } = setup();
    whoami.start({ ns: web, hostname: 'w', env: {} });
    const two = request(
      clock,
      client,
      clientIp,
      webIp,
      'GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n'
    );
    expect(two.response().match(/HTTP\/1\.1 200 OK/g)?.length).toBe(2);
    expect(two.response()).toContain('GET /2 HTTP/1.1');
    clock.tick(1000);
    expect(['FIN_WAIT_2', 'TIME_WAIT', 'CLOSE_WAIT', 'CLOSED']).toContain(two.socket.state);
  });

  it('stops listening when the process stops: a new connection is refused', () => {
    const { clock, web, client, webIp, clientIp } = setup();
    whoami.start({ ns: web, hostname: 'w', env: { WHOAMI_PORT_NUMBER: '8080' } }).stop();
    const socket = client.tcp.connect(clientIp, webIp, 8080);
    const errors: string[] = [];
    socket.on('error', (e) => errors.push(e.code));
    clock.tick(100);
    expect(errors).toEqual(['TCP_ERR_CONNECTION_REFUSED']);
  });
});

describe('findApp', () => {
  it('maps image references to apps, and any other image to the idle app', () => {
    expect(findApp('traefik/whoami:v1.10')).toBe(whoami);
    expect(findApp('docker.io/library/alpine:3.20').image).toBe('sleep');
    for (const image of ['nginx', 'redis:7', 'ghcr.io/acme/api@sha256:' + 'a'.repeat(64)]) {
      expect(findApp(image)).toBe(idle);
    }
    expect(findApp('index.docker.io/traefik/whoami@sha256:' + 'b'.repeat(64))).toBe(whoami);
  });

  it('refuses a reference Docker could not pull, with a code', () => {
    for (const image of ['', 'Bad Image!', 'Whoami'])
      expect(() => findApp(image)).toThrow(
        expect.objectContaining({
          code: 'APPS_ERR_INVALID_REFERENCE',
          type: { code: 'APPS_ERR_INVALID_REFERENCE', image }
        })
      );
  });

  it('starts the idle app: it listens on nothing and stops when told', () => {
    const { clock, web, client, webIp, clientIp } = setup();
    const proc = idle.start({ ns: web, hostname: 'i', env: {} });
    const socket = client.tcp.connect(clientIp, webIp, 80);
    const errors: string[] = [];
    socket.on('error', (e) => errors.push(e.code));
    clock.tick(100);
    expect(errors).toEqual(['TCP_ERR_CONNECTION_REFUSED']);
    expect(() => proc.stop()).not.toThrow();
  });
});

describe('whoami configuration', () => {
  it('refuses a non-numeric WHOAMI_PORT_NUMBER with a code', () => {
    const { web } = setup();
    expect(() => whoami.start({ ns: web, hostname: 'w', env: { WHOAMI_PORT_NUMBER: 'abc' } })).toThrow(
      expect.objectContaining({ code: 'APPS_ERR_BAD_ENV' })
    );
  });
});

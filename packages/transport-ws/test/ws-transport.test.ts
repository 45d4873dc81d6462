import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { isSwarmsimError, TransportError } from '@swarmsim/interface';
import { waitFor } from '@swarmsim/testkit';
import { createWsTransport, decodeFrame, encodeBatch } from '../src/index.js';
import { closeOpened, errorOf, opened, started, TOKEN } from './helpers.js';

afterEach(closeOpened);

function rawClient(url: string, token: string): WebSocket {
  const ws = new WebSocket(url, { headers: { 'x-swarmsim-peer': 'raw', 'x-swarmsim-token': token } });
  opened.push({ close: () => ws.terminate() });
  return ws;
}

describe('WsTransport', () => {
  it('binds 127.0.0.1 on a free port and exposes it', async () => {
    const [a] = await started(['a']);
    expect(a!.port).toBeGreaterThan(0);
    expect(a!.url).toBe(`ws://127.0.0.1:${a!.port}`);
  });

  it('batches the messages of one event-loop turn into one frame', async () => {
    const [a, b] = await started(['a', 'b']);
    const got: number[] = [];
    b!.onMessage((_f, _c, p) => got.push(p[0]!));
    await a!.sendReliable('b', 'control', Uint8Array.of(0)); // opens the connection
    const before = a!.stats.framesSent;
    const sends = [];
    for (let i = 1; i <= 100; i++) sends.push(a!.sendReliable('b', 'gossip', Uint8Array.of(i)));
    await Promise.all(sends);
    expect(a!.stats.framesSent - before).toBe(1);
    expect(got).toEqual([...Array(101).keys()]);
  });

  it('splits a turn into several frames rather than exceed maxFrameBytes', async () => {
    const [a, b] = await started(['a', 'b'], { maxPayloadBytes: 900, maxFrameBytes: 2048 });
    let received = 0;
    b!.onMessage(() => received++);
    await Promise.all(Array.from({ length: 10 }, () => a!.sendReliable('b', 'data', new Uint8Array(900))));
    expect(received).toBe(10);
    expect(a!.stats.framesSent).toBeGreaterThanOrEqual(5);
    expect(b!.stats.oversizeFrames).toBe(0);
  });

  it('refuses a wrong join token with HTTP 401 before any message is accepted', async () => {
    const [b] = await started(['b']);
    let delivered = 0;
    b!.onMessage(() => delivered++);
    const status = await new Promise<number>((resolve) => {
      const ws = rawClient(b!.url, 'wrong');
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const intruder = await createWsTransport({ localId: 'x', token: 'SWMTKN-1-other', peers: { b: b!.url } });
    opened.push(intruder);
    const err = await errorOf(intruder.sendReliable('b', 'control', Uint8Array.of(1)));
    expect(err).toBeInstanceOf(TransportError);
    expect((err as TransportError).type).toMatchObject({ code: 'TRANSPORT_ERR_UNREACHABLE', reason: 'unauthorized' });
    expect(b!.stats.authRejections).toBe(2);
    expect(delivered).toBe(0);
  });

  it('drops and counts an oversize or malformed frame and keeps the connection', async () => {
    const [b] = await started(['b'], { maxPayloadBytes: 1000, maxFrameBytes: 2048 });
    const got: number[] = [];
    b!.onMessage((_f, _c, p) => got.push(p[0]!));
    const ws = rawClient(b!.url, TOKEN);
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(encodeBatch([{ channel: 'data', seq: 0, payload: new Uint8Array(4096).fill(9) }]));
    ws.send(Uint8Array.of(0xc1));
    ws.send(encodeBatch([{ channel: 'data', seq: 0, payload: Uint8Array.of(7) }]));
    await waitFor(() => got.length === 1, { timeoutMs: 2000 });
    expect(got).toEqual([7]);
    expect(b!.stats).toMatchObject({ oversizeFrames: 1, badFrames: 1, framesReceived: 3 });
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('keeps only the newest connection from a peer id, so two live streams can never interleave', async () => {
    const [b] = await started(['b']);
    const first = rawClient(b!.url, TOKEN);
    await new Promise((resolve) => first.once('open', resolve));
    const firstClosed = new Promise((resolve) => first.once('close', resolve));
    const second = rawClient(b!.url, TOKEN);
    await new Promise((resolve) => second.once('open', resolve));
    await firstClosed;
    const got: number[] = [];
    b!.onMessage((_from, _c, p) => got.push(p[0]!));
    second.send(encodeBatch([{ channel: 'control', seq: 0, payload: Uint8Array.of(8) }]));
    await waitFor(() => got.length === 1, { timeoutMs: 2000 });
    expect(second.readyState).toBe(WebSocket.OPEN);
  });

  it('faults one channel alone, in both directions, until restored', async () => {
    const [a, b] = await started(['a', 'b']);
    const got: string[] = [];
    b!.onMessage((_f, channel) => got.push(channel));
    b!.faultChannel('gossip');
    const refused = await errorOf(a!.sendReliable('b', 'gossip', Uint8Array.of(1)));
    expect((refused as TransportError).type).toMatchObject({ code: 'TRANSPORT_ERR_UNREACHABLE', reason: 'faulted' });
    a!.sendBestEffort('b', 'gossip', Uint8Array.of(2));
    await a!.sendReliable('b', 'control', Uint8Array.of(3));
    expect(got).toEqual(['control']);
    a!.faultChannel('data');
    a!.sendBestEffort('b', 'data', Uint8Array.of(4));
    expect(a!.stats.dropped).toBe(1);
    expect(
      isSwarmsimError(await errorOf(a!.sendReliable('b', 'data', Uint8Array.of(5))), 'TRANSPORT_ERR_UNREACHABLE')
    ).toBe(true);
    b!.faultChannel('gossip', false);
    await a!.sendReliable('b', 'gossip', Uint8Array.of(6));
    expect(got).toEqual(['control', 'gossip']);
  });

  it('reconnects with backoff when a peer comes back on the same address', async () => {
    const [a, b] = await started(['a', 'b'], { reconnectMinMs: 10, reconnectMaxMs: 50 });
    await a!.sendReliable('b', 'control', Uint8Array.of(1));
    const port = b!.port;
    await b!.close();
    const lost = await errorOf(a!.sendReliable('b', 'control', Uint8Array.of(2)));
    expect(isSwarmsimError(lost, 'TRANSPORT_ERR_UNREACHABLE')).toBe(true);
    expect(a!.stats.messagesSent).toBeGreaterThanOrEqual(1);
    const reborn = await createWsTransport({ localId: 'b', token: TOKEN, port });
    opened.push(reborn);
    const got: number[] = [];
    reborn.onMessage((_f, _c, p) => got.push(p[0]!));
    await waitFor(async () => (await errorOf(a!.sendReliable('b', 'control', Uint8Array.of(3)))) === undefined, {
      timeoutMs: 5000
    });
    expect(got[0]).toBe(3);
  });

  it('rejects reliable sends to a peer whose address refuses connections, and counts the failure', async () => {
    const [a, b] = await started(['a', 'b']);
    const port = b!.port;
    await b!.close();
    const c = await createWsTransport({ localId: 'c', token: TOKEN, peers: { b: `ws://127.0.0.1:${port}` } });
    opened.push(c);
    const err = await errorOf(c.sendReliable('b', 'control', Uint8Array.of(1)));
    expect((err as TransportError).type).toMatchObject({ code: 'TRANSPORT_ERR_UNREACHABLE', reason: 'refused' });
    expect(c.stats.connectFailures).toBe(1);
    expect(a!.stats.connectFailures).toBe(0);
  });

  it('follows a peer to its new address once the address book changes', async () => {
    const [a, b] = await started(['a', 'b']);
    await a!.sendReliable('b', 'control', Uint8Array.of(1));
    await b!.close();
    const moved = await createWsTransport({ localId: 'b', token: TOKEN });
    opened.push(moved);
    const got: number[] = [];
    moved.onMessage((_f, _c, p) => got.push(p[0]!));
    a!.setPeers({ b: moved.url });
    await a!.sendReliable('b', 'control', Uint8Array.of(2));
    expect(got).toEqual([2]);
  });

  it('holds at most maxQueuedMessages while a connection opens and refuses the rest', async () => {
    const [a, b] = await started(['a', 'b'], { maxQueuedMessages: 2 });
    let received = 0;
    b!.onMessage(() => received++);
    const results = await Promise.all([1, 2, 3].map((i) => errorOf(a!.sendReliable('b', 'control', Uint8Array.of(i)))));
    expect(results.slice(0, 2)).toEqual([undefined, undefined]);
    expect((results[2] as TransportError).type).toMatchObject({
      code: 'TRANSPORT_ERR_UNREACHABLE',
      reason: 'overloaded'
    });
    expect(received).toBe(2);
  });

  it('rejects reliable messages the peer never acknowledges, after ackTimeoutMs', async () => {
    const silent = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    opened.push({
      close: () =>
        new Promise((r) => {
          for (const c of silent.clients) c.terminate();
          silent.close(r);
        })
    });
    await new Promise((resolve) => silent.once('listening', resolve));
    const port = (silent.address() as { port: number }).port;
    const a = await createWsTransport({
      localId: 'a',
      token: TOKEN,
      ackTimeoutMs: 100,
      peers: { mute: `ws://127.0.0.1:${port}` }
    });
    opened.push(a);
    const err = await errorOf(a.sendReliable('mute', 'control', Uint8Array.of(1)));
    expect((err as TransportError).type).toMatchObject({ code: 'TRANSPORT_ERR_UNREACHABLE', reason: 'timeout' });
  });

  it('counts a throwing handler and keeps delivering', async () => {
    const [a, b] = await started(['a', 'b']);
    let calls = 0;
    b!.onMessage(() => {
      calls++;
      throw new Error('handler bug');
    });
    await Promise.all([
      a!.sendReliable('b', 'control', Uint8Array.of(1)),
      a!.sendReliable('b', 'control', Uint8Array.of(2))
    ]);
    expect(calls).toBe(2);
    expect(b!.stats.handlerErrors).toBe(2);
  });

  it('validates options and reports a port already in use', async () => {
    await expect(
      createWsTransport({ localId: 'a', token: TOKEN, maxPayloadBytes: 4096, maxFrameBytes: 1024 })
    ).rejects.toMatchObject({
      code: 'WS_ERR_BAD_OPTIONS'
    });
    const [a] = await started(['a']);
    const clash = await errorOf(createWsTransport({ localId: 'b', token: TOKEN, port: a!.port }));
    expect(isSwarmsimError(clash, 'WS_ERR_LISTEN_FAILED')).toBe(true);
  });
});

describe('after a dropped frame', () => {
  it('stops acknowledging reliable messages, so a lost one is never reported delivered', async () => {
    const [b] = await started(['b'], { maxPayloadBytes: 1000, maxFrameBytes: 2048 });
    const got: number[] = [];
    b!.onMessage((_f, _c, p) => got.push(p[0]!));
    const ws = rawClient(b!.url, TOKEN);
    await new Promise((resolve) => ws.once('open', resolve));
    const acks: unknown[] = [];
    ws.on('message', (data: Buffer) => acks.push(decodeFrame(data)));
    ws.send(encodeBatch([{ channel: 'control', seq: 1, payload: Uint8Array.of(1) }]));
    await waitFor(() => acks.length === 1, { timeoutMs: 2000 });
    // Frame with seq 2 is lost (too big); seq 3 must neither be delivered nor acknowledged, best effort still is.
    ws.send(encodeBatch([{ channel: 'control', seq: 2, payload: new Uint8Array(4096) }]));
    ws.send(
      encodeBatch([
        { channel: 'control', seq: 3, payload: Uint8Array.of(3) },
        { channel: 'data', seq: 0, payload: Uint8Array.of(9) }
      ])
    );
    await waitFor(() => got.includes(9), { timeoutMs: 2000 });
    expect(got).toEqual([1, 9]);
    expect(acks).toHaveLength(1);
    ws.close();
  });
});

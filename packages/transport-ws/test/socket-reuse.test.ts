import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError, type Channel, type PeerId } from '@swarmsim/interface';
import { createWsTransport, type WsTransport } from '../src/index.js';
import { closeOpened, errorOf, opened, started, TOKEN } from './helpers.js';

afterEach(closeOpened);

/** Records what each transport receives, as `from/channel` → payload bytes in arrival order. */
function record(ts: WsTransport[]): Map<string, number[]>[] {
  return ts.map((t) => {
    const inbox = new Map<string, number[]>();
    t.onMessage((from, channel, payload) => {
      const key = `${from}/${channel}`;
      inbox.set(key, [...(inbox.get(key) ?? []), payload[0]!]);
    });
    return inbox;
  });
}

function total(ts: WsTransport[], stat: 'connectionsDialed' | 'connectionsAccepted' | 'socketsOpen'): number {
  return ts.reduce((sum, t) => sum + t.stats[stat], 0);
}

/** One event-loop turn: sends made after it land in another batch and may find other sockets open. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Every transport sends payloads 0..rounds-1 reliably to every other on two channels, one round per turn. */
async function allToAll(ts: WsTransport[], rounds: number): Promise<void> {
  const sends: Promise<void>[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const from of ts) {
      for (const to of ts) {
        if (from === to) continue;
        for (const channel of ['control', 'gossip'] as const)
          sends.push(from.sendReliable(to.localId, channel, Uint8Array.of(i)));
      }
    }
    await nextTurn();
  }
  await Promise.all(sends);
}

function expectInOrder(ts: WsTransport[], inboxes: Map<string, number[]>[], expected: number[]): void {
  ts.forEach((to, j) => {
    for (const from of ts) {
      if (from === to) continue;
      for (const channel of ['control', 'gossip'] satisfies Channel[]) {
        expect(inboxes[j]!.get(`${from.localId}/${channel}`), `${from.localId} → ${to.localId} ${channel}`).toEqual(
          expected
        );
      }
    }
  });
}

describe('one socket per peer pair', () => {
  it('answers a peer over the socket it dialled, reliably and in order both ways', async () => {
    const [a, b] = await started(['a', 'b']);
    const [inA, inB] = record([a!, b!]);
    await a!.sendReliable('b', 'control', Uint8Array.of(0));
    await Promise.all([1, 2, 3].map((i) => b!.sendReliable('a', 'control', Uint8Array.of(i))));
    b!.sendBestEffort('a', 'data', Uint8Array.of(9));
    await Promise.all([4, 5].map((i) => a!.sendReliable('b', 'control', Uint8Array.of(i))));
    await b!.sendReliable('a', 'gossip', Uint8Array.of(6));
    expect(inA!.get('b/control')).toEqual([1, 2, 3]);
    expect(inA!.get('b/gossip')).toEqual([6]);
    expect(inB!.get('a/control')).toEqual([0, 4, 5]);
    expect([a!.stats.connectionsDialed, a!.stats.connectionsAccepted]).toEqual([1, 0]);
    expect([b!.stats.connectionsDialed, b!.stats.connectionsAccepted]).toEqual([0, 1]);
    expect([a!.stats.socketsOpen, b!.stats.socketsOpen]).toEqual([1, 1]);
  });

  it('holds 10 sockets, not 20, for a full mesh of 5 whose first contacts come one after another', async () => {
    const ts = await started(['n1', 'n2', 'n3', 'n4', 'n5']);
    const inboxes = record(ts);
    // Each node in turn greets every other: the later ones find the earlier ones' sockets already open.
    for (const from of ts) {
      await Promise.all(
        ts.filter((to) => to !== from).map((to) => from.sendReliable(to.localId, 'gossip', Uint8Array.of(0)))
      );
    }
    expect(total(ts, 'connectionsDialed')).toBe(10);
    await allToAll(ts, 1);
    expect(total(ts, 'connectionsDialed')).toBe(10);
    expect(total(ts, 'connectionsAccepted')).toBe(10);
    expect(total(ts, 'socketsOpen')).toBe(20); // each socket counted at both of its ends
    ts.forEach((to, j) => {
      for (const from of ts) if (from !== to) expect(inboxes[j]!.get(`${from.localId}/control`)).toEqual([0]);
    });
  });

  it('loses and duplicates nothing when every pair dials each other at once', async () => {
    const ts = await started(['n1', 'n2', 'n3', 'n4', 'n5']);
    const inboxes = record(ts);
    const rounds = 30;
    await allToAll(ts, rounds);
    expectInOrder(ts, inboxes, [...Array(rounds).keys()]);
    // How many dials lose the race and are dropped varies from run to run; never below one socket per pair.
    expect(total(ts, 'socketsOpen') / 2).toBeGreaterThanOrEqual(10);
    expect(total(ts, 'socketsOpen') / 2).toBeLessThanOrEqual(20);
  });

  it('drops its own unopened dial for the one a lower peer id made, and sends its queue over that', async () => {
    const stall = await stallingServer();
    const [a, b] = await started(['a', 'b']);
    const [inA] = record([a!]);
    b!.setPeers({ a: stall.url }); // b's dial to a never completes its handshake
    const queued = [1, 2, 3].map((i) => b!.sendReliable('a', 'control', Uint8Array.of(i)));
    await stall.connected;
    await a!.sendReliable('b', 'control', Uint8Array.of(0));
    await Promise.all(queued);
    expect(inA!.get('b/control')).toEqual([1, 2, 3]);
    expect([b!.stats.connectionsDialed, b!.stats.connectFailures, b!.stats.socketsOpen]).toEqual([0, 0, 1]);
  });

  it('answers over the peer’s socket while its own link to a restarted peer backs off', async () => {
    const [a, b] = await started(['a', 'b'], { reconnectMinMs: 60_000, reconnectMaxMs: 60_000 });
    await a!.sendReliable('b', 'control', Uint8Array.of(1));
    const port = b!.port;
    await b!.close();
    // a's link to b notices the loss and waits a minute to redial; meanwhile b comes back and dials a.
    expect(isUnreachable(await errorOf(a!.sendReliable('b', 'control', Uint8Array.of(2))))).toBe(true);
    const reborn = await createWsTransport({ localId: 'b', token: TOKEN, port, peers: { a: a!.url } });
    opened.push(reborn);
    const [inReborn] = record([reborn]);
    await reborn.sendReliable('a', 'control', Uint8Array.of(3));
    await a!.sendReliable('b', 'control', Uint8Array.of(4));
    expect(inReborn!.get('a/control')).toEqual([4]);
    expect([a!.stats.connectionsDialed, reborn.stats.connectionsAccepted]).toEqual([1, 0]);
  });
});

describe('reliable sends on an accepted socket', () => {
  it('reject with TRANSPORT_ERR_UNREACHABLE when the peer closes', async () => {
    const [a, b] = await started(['a', 'b']);
    await b!.sendReliable('a', 'control', Uint8Array.of(1));
    // b goes away as a's frame arrives, before acknowledging it: the sends were on the wire, unacknowledged.
    const received: number[] = [];
    b!.onMessage((_from, _channel, payload) => {
      received.push(payload[0]!);
      void b!.close();
    });
    const pending = [1, 2, 3].map((i) => errorOf(a!.sendReliable('b', 'data', Uint8Array.of(i))));
    for (const err of await Promise.all(pending)) {
      expect(err).toBeInstanceOf(TransportError);
      expect((err as TransportError).type).toMatchObject({
        code: 'TRANSPORT_ERR_UNREACHABLE',
        peer: 'b',
        reason: 'disconnected'
      });
    }
    expect(received).toEqual([1]);
    expect(a!.stats.connectionsDialed).toBe(0);
  });

  it('reject with TRANSPORT_ERR_CLOSED when the local transport closes', async () => {
    const [a, b] = await started(['a', 'b']);
    await b!.sendReliable('a', 'control', Uint8Array.of(1));
    const pending = errorOf(a!.sendReliable('b', 'control', Uint8Array.of(2)));
    await a!.close();
    expect((await pending) as TransportError).toMatchObject({ code: 'TRANSPORT_ERR_CLOSED' });
  });

  it('reach a peer that dialled us even before the address book names it', async () => {
    const [a] = await started(['a']);
    const stranger = await createWsTransport({ localId: 'stranger', token: TOKEN, peers: { a: a!.url } });
    opened.push(stranger);
    const [inStranger] = record([stranger]);
    await stranger.sendReliable('a', 'control', Uint8Array.of(1));
    await a!.sendReliable('stranger' satisfies PeerId, 'control', Uint8Array.of(2));
    expect(inStranger!.get('a/control')).toEqual([2]);
  });
});

/** A TCP server that accepts connections and never answers, so a WebSocket dial to it stays in its handshake. */
async function stallingServer(): Promise<{ url: string; connected: Promise<void> }> {
  const sockets: Socket[] = [];
  let connected: () => void = () => undefined;
  const server = createServer((socket) => {
    sockets.push(socket);
    connected();
  });
  opened.push({
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(resolve);
      })
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `ws://127.0.0.1:${port}`, connected: new Promise((resolve) => (connected = resolve)) };
}

function isUnreachable(err: unknown): boolean {
  return err instanceof TransportError && err.code === 'TRANSPORT_ERR_UNREACHABLE';
}

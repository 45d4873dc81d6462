import type { TcpFlags, TcpSegment } from '@swarmsim/packet';
import { ManualClock } from '@swarmsim/clock';
import { describe, expect, it } from 'vitest';
import { TcpLayer, type TcpOptions, type TcpSocket } from '../../src/tcp/index.js';
import { A, B, concat, isnRandom, record } from './harness.js';

const SERVER_ISN = 5000;
const CLIENT_ISN = 100;

/** A listening layer on B driven by hand-made segments from a fake client on A:1111. */
function rawServer(options: TcpOptions = {}, synMss: number | null = 1460) {
  const clock = new ManualClock();
  const out: TcpSegment[] = [];
  const layer = new TcpLayer({ clock, random: isnRandom(SERVER_ISN), output: (s) => out.push(s) }, options);
  let socket: TcpSocket | undefined;
  layer.listen(B, 80, (s) => (socket = s));
  const send = (seg: Partial<Omit<TcpSegment, 'flags'>> & { flags?: Partial<TcpFlags> }): TcpSegment | undefined => {
    const before = out.length;
    const flags = { fin: false, syn: false, rst: false, psh: false, ack: true, urg: false, ...seg.flags };
    const base = {
      srcPort: 1111,
      dstPort: 80,
      seq: CLIENT_ISN + 1,
      ack: SERVER_ISN + 1,
      window: 65535,
      urgentPointer: 0
    };
    layer.receive({ ...base, payload: new Uint8Array(0), ...seg, flags }, A, B);
    return out.length > before ? out.at(-1) : undefined;
  };
  const synAck = send({
    seq: CLIENT_ISN,
    ack: 0,
    flags: { syn: true, ack: false },
    ...(synMss === null ? {} : { mss: synMss })
  });
  send({});
  clock.tick(0);
  const rec = record(socket!);
  return { clock, out, send, socket: socket!, rec, synAck };
}

/** `n` bytes of value `v`. */
const bytes = (n: number, v: number) => new Uint8Array(n).fill(v);

describe('TCP receive path (hand-made segments)', () => {
  it('answers a SYN with SYN-ACK acknowledging ISN+1 and goes ESTABLISHED on the ACK', () => {
    const { synAck, socket } = rawServer();
    expect(synAck).toMatchObject({ seq: SERVER_ISN, ack: CLIENT_ISN + 1, mss: 1460, flags: { syn: true, ack: true } });
    expect(socket.state).toBe('ESTABLISHED');
  });

  it('re-ACKs a duplicate segment and delivers its bytes once', () => {
    const { send, clock, rec } = rawServer();
    const first = send({ payload: bytes(100, 1) });
    const again = send({ payload: bytes(100, 1) });
    clock.tick(0);
    expect(first?.ack).toBe(CLIENT_ISN + 101);
    expect(again?.ack).toBe(CLIENT_ISN + 101);
    expect(rec.bytes()).toEqual(bytes(100, 1));
  });

  it('buffers an out-of-order segment, sends a duplicate ACK, then delivers in order', () => {
    const { send, clock, rec } = rawServer();
    const dupAck = send({ seq: CLIENT_ISN + 101, payload: bytes(50, 2) });
    expect(dupAck?.ack).toBe(CLIENT_ISN + 1);
    clock.tick(0);
    expect(rec.chunks).toEqual([]);
    const cumulative = send({ payload: bytes(100, 1) });
    expect(cumulative?.ack).toBe(CLIENT_ISN + 151);
    clock.tick(0);
    expect(rec.bytes()).toEqual(concat([bytes(100, 1), bytes(50, 2)]));
  });

  it('delivers only the new part of a partly overlapping segment', () => {
    const { send, clock, rec } = rawServer();
    send({ payload: bytes(60, 1) });
    const ack = send({ seq: CLIENT_ISN + 31, payload: concat([bytes(30, 1), bytes(40, 3)]) });
    clock.tick(0);
    expect(ack?.ack).toBe(CLIENT_ISN + 101);
    expect(rec.bytes()).toEqual(concat([bytes(60, 1), bytes(40, 3)]));
  });

  it('drops data beyond the advertised window and answers with an ACK', () => {
    const { send, clock, rec } = rawServer({ receiveWindow: 1000 });
    const ack = send({ seq: CLIENT_ISN + 1 + 1000, payload: bytes(10, 9) });
    const trimmed = send({ payload: bytes(1200, 4) });
    clock.tick(0);
    expect(ack).toMatchObject({ ack: CLIENT_ISN + 1, window: 1000 });
    expect(trimmed?.ack).toBe(CLIENT_ISN + 1001);
    expect(rec.bytes()).toEqual(bytes(1000, 4));
  });

  it('assumes 536 bytes when the SYN carries no MSS option', () => {
    const { socket, out } = rawServer({}, null);
    socket.write(bytes(2000, 7));
    const sizes = out.filter((s) => s.payload.length > 0).map((s) => s.payload.length);
    expect(sizes).toEqual([536, 536, 536, 392]);
  });

  it('fast-retransmits the oldest segment on the third duplicate ACK, before the RTO', () => {
    const { socket, out, send } = rawServer();
    socket.write(bytes(5 * 1460, 1));
    const dataSent = out.filter((s) => s.payload.length > 0).length;
    expect(send({ ack: SERVER_ISN + 1 + 1460 })).toBeUndefined(); // new data acknowledged: not a duplicate
    const dup = () => send({ ack: SERVER_ISN + 1 + 1460 });
    expect(dup()).toBeUndefined();
    expect(dup()).toBeUndefined();
    const retransmission = dup();
    expect(dataSent).toBe(5);
    expect(retransmission).toMatchObject({ seq: SERVER_ISN + 1 + 1460 });
    expect(retransmission?.payload.length).toBe(1460);
    expect(socket.stats.retransmits).toBe(1);
  });

  it('answers an in-window SYN on an established connection with a challenge ACK', () => {
    const { send, socket } = rawServer();
    const reply = send({ seq: CLIENT_ISN + 1, ack: 0, flags: { syn: true, ack: false } });
    expect(reply).toMatchObject({
      seq: SERVER_ISN + 1,
      ack: CLIENT_ISN + 1,
      flags: { ack: true, rst: false, syn: false }
    });
    expect(socket.state).toBe('ESTABLISHED');
  });
});

import { describe, it, expect } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork } from '@swarmsim/transport-memory';
import { ChannelMux } from '../src/channel-mux.js';

describe('ChannelMux', () => {
  it('hands each channel only its own messages over one shared transport', async () => {
    const clock = new ManualClock();
    const net = new MemoryNetwork({ clock });
    const a = net.createTransport('a');
    const mux = new ChannelMux(net.createTransport('b'));
    const got: string[] = [];
    mux.channel('gossip').onMessage((from, ch, p) => got.push(`gossip:${from}:${ch}:${p[0]}`));
    mux.channel('control').onMessage((from, ch, p) => got.push(`control:${from}:${ch}:${p[0]}`));
    a.sendBestEffort('b', 'gossip', Uint8Array.of(1));
    const sent = a.sendReliable('b', 'control', Uint8Array.of(2));
    a.sendBestEffort('b', 'data', Uint8Array.of(3));
    clock.tick(10);
    await sent;
    expect(got.sort()).toEqual(['control:a:control:2', 'gossip:a:gossip:1']);
  });

  it('exposes the shared transport id and limit, and sends through it', () => {
    const clock = new ManualClock();
    const net = new MemoryNetwork({ clock });
    const received: string[] = [];
    net.createTransport('a').onMessage((from, ch) => received.push(`${from}:${ch}`));
    const view = new ChannelMux(net.createTransport('b')).channel('gossip');
    expect(view.localId).toBe('b');
    expect(view.maxPayloadBytes).toBe(1024 * 1024);
    view.sendBestEffort('a', 'gossip', Uint8Array.of(0));
    clock.tick(10);
    expect(received).toEqual(['b:gossip']);
  });
});

import { describe, expect, it } from 'vitest';
import type { ForwardMethod } from '../src/index.js';
import { fwmarkTable, packet } from './helpers.js';

function flow(forward: ForwardMethod) {
  const t = fwmarkTable('rr');
  t.ipvs.addServer(t.svc, { ip: '10.0.1.3', forward });
  const p = packet('10.0.2.1', 4000);
  t.ipvs.schedule(p);
  const states: string[] = [t.ipvs.lookup(p)!.state];
  const seg = (flags: Parameters<typeof t.ipvs.tcpSegment>[1], direction: 'in' | 'out' = 'in') =>
    states.push(t.ipvs.tcpSegment(p, flags, direction).state);
  return { ...t, p, states, seg };
}

describe('TCP state tracking (kernel tcp_states table)', () => {
  it('NAT mode: SYN → SYN_RECV, handshake → ESTABLISHED, client FIN → CLOSE_WAIT, server FIN → TIME_WAIT', () => {
    const { states, seg, ipvs, clock, p } = flow('masq');
    seg({ syn: true, ack: true }, 'out');
    seg({ ack: true });
    seg({ fin: true, ack: true });
    seg({ fin: true, ack: true }, 'out');
    seg({ ack: true });
    expect(states).toEqual(['SYN_RECV', 'SYN_RECV', 'ESTABLISHED', 'CLOSE_WAIT', 'TIME_WAIT', 'TIME_WAIT']);
    clock.tick(120_000);
    expect(ipvs.lookup(p)).toBeUndefined();
  });

  it('direct routing (no replies seen): the client FIN moves ESTABLISHED to FIN_WAIT (tcpfin timeout)', () => {
    const { states, seg } = flow('droute');
    seg({ ack: true });
    seg({ fin: true, ack: true });
    expect(states).toEqual(['SYN_RECV', 'ESTABLISHED', 'FIN_WAIT']);
  });

  it('RST closes, and a segment without a flag IPVS reads keeps the state but restarts the timeout', () => {
    const { seg, states, ipvs, clock, p } = flow('masq');
    seg({ ack: true });
    clock.tick(800_000);
    seg({});
    clock.tick(800_000);
    expect(ipvs.lookup(p)?.state).toBe('ESTABLISHED');
    seg({ rst: true });
    expect(states.slice(-2)).toEqual(['ESTABLISHED', 'CLOSE']);
  });
});

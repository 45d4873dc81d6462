import { describe, expect, it } from 'vitest';
import { deliver, echo, forward, makeNetfilter, send, tcp, udp } from './helpers.js';

const WAN = { inIf: 'eth0', outIf: 'eth1' };
const LAN = { inIf: 'eth1', outIf: 'eth0' };

describe('conntrack timeouts and states', () => {
  it('expires an unreplied UDP flow after 30 s, with no timer left behind', () => {
    const { nf, clock } = makeNetfilter();
    forward(nf, udp('10.0.0.2', 5000, '8.8.8.8', 53, LAN));
    expect(clock.pendingTimers()).toBe(1);
    clock.tick(29_999);
    expect(nf.conntrack.entries()).toHaveLength(1);
    expect(nf.conntrack.entries()[0]!.timeout).toBe(0);
    clock.tick(1);
    expect(nf.conntrack.entries()).toHaveLength(0);
    clock.runAll();
    expect(clock.pendingTimers()).toBe(0);
  });

  it('sweeps expired entries from the table on its own schedule', () => {
    const { nf, clock } = makeNetfilter(undefined, {
      conntrack: { gcIntervalMs: 10_000, timeouts: { udp_timeout: 5 } }
    });
    forward(nf, udp('10.0.0.2', 5000, '8.8.8.8', 53, LAN));
    clock.tick(10_000);
    // The sweep ran and found the table empty, so it did not re-arm.
    expect(clock.pendingTimers()).toBe(0);
    expect(nf.conntrack.count()).toBe(0);
  });

  it('keeps a UDP reply at 30 s, and makes a flow still active after 2 s an ASSURED 120 s stream', () => {
    const { nf, clock } = makeNetfilter();
    forward(nf, udp('10.0.0.2', 5000, '8.8.8.8', 53, LAN));
    forward(nf, udp('8.8.8.8', 53, '10.0.0.2', 5000, WAN));
    let [e] = nf.conntrack.entries();
    expect([e!.seenReply, e!.assured, e!.timeout]).toEqual([true, false, 30]);
    clock.tick(1000);
    forward(nf, udp('10.0.0.2', 5000, '8.8.8.8', 53, LAN));
    [e] = nf.conntrack.entries();
    expect([e!.assured, e!.timeout]).toEqual([false, 30]);
    clock.tick(1500);
    forward(nf, udp('10.0.0.2', 5000, '8.8.8.8', 53, LAN));
    [e] = nf.conntrack.entries();
    expect([e!.assured, e!.timeout]).toEqual([true, 120]);
    expect(nf.conntrack.list()).toBe(
      'udp      17 120 src=10.0.0.2 dst=8.8.8.8 sport=5000 dport=53 src=8.8.8.8 dst=10.0.0.2 sport=53 dport=5000 [ASSURED] mark=0 use=1\n'
    );
  });

  it('follows the TCP handshake and close with Linux timeouts', () => {
    const { nf, clock } = makeNetfilter();
    const c = (f: string): void => void forward(nf, tcp('10.0.0.2', 40000, '93.184.216.34', 80, f, LAN));
    const s = (f: string): void => void forward(nf, tcp('93.184.216.34', 80, '10.0.0.2', 40000, f, WAN));
    const state = (): [string | undefined, number, boolean] => {
      const e = nf.conntrack.entries()[0]!;
      return [e.tcpState, e.timeout, e.assured];
    };
    c('S');
    expect(state()).toEqual(['SYN_SENT', 120, false]);
    expect(nf.conntrack.list()).toContain(
      'SYN_SENT src=10.0.0.2 dst=93.184.216.34 sport=40000 dport=80 [UNREPLIED] src=93.184.216.34'
    );
    s('SA');
    expect(state()).toEqual(['SYN_RECV', 60, false]);
    c('A');
    expect(state()).toEqual(['ESTABLISHED', 432_000, true]);
    clock.tick(60_000);
    expect(state()).toEqual(['ESTABLISHED', 431_940, true]);
    c('FA');
    expect(state()).toEqual(['FIN_WAIT', 120, true]);
    s('A');
    expect(state()).toEqual(['CLOSE_WAIT', 60, true]);
    s('FA');
    expect(state()).toEqual(['LAST_ACK', 30, true]);
    c('A');
    expect(state()).toEqual(['TIME_WAIT', 120, true]);
    clock.tick(120_000);
    expect(nf.conntrack.entries()).toHaveLength(0);
  });

  it('moves to CLOSE (10 s) on a RST, and drops the entry at once when a SYN is answered by RST', () => {
    const { nf } = makeNetfilter();
    forward(nf, tcp('10.0.0.2', 40000, '93.184.216.34', 80, 'S', LAN));
    forward(nf, tcp('93.184.216.34', 80, '10.0.0.2', 40000, 'SA', WAN));
    forward(nf, tcp('10.0.0.2', 40000, '93.184.216.34', 80, 'A', LAN));
    forward(nf, tcp('10.0.0.2', 40000, '93.184.216.34', 80, 'R', LAN));
    expect(nf.conntrack.entries()[0]).toMatchObject({ tcpState: 'CLOSE', timeout: 10 });

    forward(nf, tcp('10.0.0.2', 40001, '93.184.216.34', 81, 'S', LAN));
    expect(nf.conntrack.count()).toBe(2);
    forward(nf, tcp('93.184.216.34', 81, '10.0.0.2', 40001, 'RA', WAN));
    expect(nf.conntrack.entries().map((e) => e.original.srcPort)).toEqual([40000]);
  });

  it('reopens a connection in TIME_WAIT with a new SYN', () => {
    const { nf } = makeNetfilter();
    const flow = [
      ['c', 'S'],
      ['s', 'SA'],
      ['c', 'A'],
      ['c', 'FA'],
      ['s', 'FA'],
      ['c', 'A']
    ] as const;
    for (const [who, f] of flow) {
      forward(
        nf,
        who === 'c' ? tcp('10.0.0.2', 40000, '1.1.1.1', 80, f, LAN) : tcp('1.1.1.1', 80, '10.0.0.2', 40000, f, WAN)
      );
    }
    expect(nf.conntrack.entries()[0]!.tcpState).toBe('TIME_WAIT');
    forward(nf, tcp('10.0.0.2', 40000, '1.1.1.1', 80, 'S', LAN));
    expect(nf.conntrack.entries()).toMatchObject([{ tcpState: 'SYN_SENT', seenReply: false, assured: false }]);
  });

  it('classifies INVALID packets and lets --ctstate INVALID drop them', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A FORWARD -m conntrack --ctstate INVALID -j DROP');
    expect(forward(nf, tcp('10.0.0.2', 1, '1.1.1.1', 80, 'F', LAN))).toBe('DROP');
    expect(forward(nf, tcp('10.0.0.2', 1, '1.1.1.1', 80, 'SF', LAN))).toBe('DROP');
    expect(forward(nf, echo('echo-reply', '1.1.1.1', '10.0.0.2', 9, WAN))).toBe('DROP');
    expect(forward(nf, tcp('10.0.0.2', 2, '1.1.1.1', 80, 'A', LAN))).toBe('ACCEPT');
    expect(nf.conntrack.entries()).toMatchObject([{ tcpState: 'ESTABLISHED', timeout: 300 }]);
  });

  it('does not pick up mid-stream TCP when tcpLoose is off', () => {
    const { nf } = makeNetfilter(undefined, { conntrack: { tcpLoose: false } });
    forward(nf, tcp('10.0.0.2', 2, '1.1.1.1', 80, 'A', LAN));
    expect(nf.conntrack.count()).toBe(0);
  });

  it('evicts the oldest unassured entry when full, and drops new flows when everything is assured', () => {
    const { nf, clock } = makeNetfilter(undefined, { conntrack: { maxEntries: 2 } });
    forward(nf, udp('10.0.0.2', 1, '8.8.8.8', 53, LAN));
    forward(nf, udp('10.0.0.2', 2, '8.8.8.8', 53, LAN));
    expect(forward(nf, udp('10.0.0.2', 3, '8.8.8.8', 53, LAN))).toBe('ACCEPT');
    expect(nf.conntrack.entries().map((e) => e.original.srcPort)).toEqual([2, 3]);

    for (const port of [2, 3]) forward(nf, udp('8.8.8.8', 53, '10.0.0.2', port, WAN));
    clock.tick(2001);
    for (const port of [2, 3]) forward(nf, udp('10.0.0.2', port, '8.8.8.8', 53, LAN));
    expect(nf.conntrack.entries().every((e) => e.assured)).toBe(true);
    expect(forward(nf, udp('10.0.0.2', 4, '8.8.8.8', 53, LAN))).toBe('DROP');
    // Established flows keep working while the table is full.
    expect(forward(nf, udp('10.0.0.2', 2, '8.8.8.8', 53, LAN))).toBe('ACCEPT');
  });

  it('flushes entries selectively (e.g. MASQUERADE mappings of an interface that went down)', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    forward(nf, udp('172.17.0.2', 1, '8.8.8.8', 53, { inIf: 'docker0', outIf: 'eth0' }));
    forward(nf, udp('172.17.0.2', 2, '172.18.0.2', 53, { inIf: 'docker0', outIf: 'docker_gwbridge' }));
    expect(nf.conntrack.flush((e) => e.masqueradeIf === 'eth0')).toBe(1);
    expect(nf.conntrack.entries().map((e) => e.original.dst)).toEqual(['172.18.0.2']);
  });

  it('tracks locally generated and locally delivered packets too', () => {
    const { nf } = makeNetfilter();
    expect(send(nf, udp('192.168.99.100', 5353, '224.0.0.251', 5353, { outIf: 'eth0' }))).toBe('ACCEPT');
    expect(deliver(nf, tcp('192.168.99.1', 50000, '192.168.99.100', 22, 'S', { inIf: 'eth0' }))).toBe('ACCEPT');
    expect(nf.conntrack.entries().map((e) => e.original.dstPort)).toEqual([5353, 22]);
  });
});

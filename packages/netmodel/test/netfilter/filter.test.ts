import { describe, expect, it } from 'vitest';
import { deliver, echo, forward, makeNetfilter, tcp, udp } from './helpers.js';

describe('filter and mangle traversal', () => {
  it('drops bridge-local traffic with icc off (-i docker_gwbridge -o docker_gwbridge -j DROP)', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A FORWARD -i docker_gwbridge -o docker_gwbridge -j DROP');
    const between = tcp('172.18.0.3', 40000, '172.18.0.4', 80, 'S', {
      inIf: 'docker_gwbridge',
      outIf: 'docker_gwbridge'
    });
    const out = tcp('172.18.0.3', 40001, '8.8.8.8', 80, 'S', { inIf: 'docker_gwbridge', outIf: 'eth0' });
    expect(forward(nf, between)).toBe('DROP');
    expect(forward(nf, out)).toBe('ACCEPT');
    expect(nf.rules('filter', 'FORWARD')[0]!.counters).toEqual({ packets: 1, bytes: 40 });
    // A dropped packet never confirms its connection.
    expect(nf.conntrack.entries().map((e) => e.original.dst)).toEqual(['8.8.8.8']);
  });

  it('jumps into user chains and RETURNs to the rule after the jump', () => {
    const { nf } = makeNetfilter();
    nf.exec('-N DOCKER-USER');
    nf.exec('-N DOCKER-ISOLATION-STAGE-1');
    nf.exec('-N DOCKER-ISOLATION-STAGE-2');
    nf.exec('-A FORWARD -j DOCKER-USER');
    nf.exec('-A FORWARD -j DOCKER-ISOLATION-STAGE-1');
    nf.exec('-A FORWARD -j ACCEPT');
    nf.exec('-A DOCKER-USER -j RETURN');
    nf.exec('-A DOCKER-ISOLATION-STAGE-1 -i br-a ! -o br-a -j DOCKER-ISOLATION-STAGE-2');
    nf.exec('-A DOCKER-ISOLATION-STAGE-1 -j RETURN');
    nf.exec('-A DOCKER-ISOLATION-STAGE-2 -o br-b -j DROP');
    nf.exec('-A DOCKER-ISOLATION-STAGE-2 -j RETURN');
    expect(forward(nf, udp('172.19.0.2', 5000, '172.20.0.2', 53, { inIf: 'br-a', outIf: 'br-b' }))).toBe('DROP');
    expect(forward(nf, udp('172.19.0.2', 5000, '8.8.8.8', 53, { inIf: 'br-a', outIf: 'eth0' }))).toBe('ACCEPT');
    expect(nf.rules('filter', 'DOCKER-USER')[0]!.counters.packets).toBe(2);
    expect(nf.rules('filter', 'DOCKER-ISOLATION-STAGE-2')[1]!.counters.packets).toBe(1);
    expect(nf.rules('filter', 'FORWARD')[2]!.counters.packets).toBe(1);
  });

  it('falls back to the policy at the end of a built-in chain and counts it', () => {
    const { nf } = makeNetfilter();
    nf.exec('-P FORWARD DROP');
    nf.exec('-A FORWARD -i docker0 ! -o docker0 -j ACCEPT');
    nf.exec('-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
    const out = echo('echo-request', '172.17.0.2', '8.8.8.8', 3, { inIf: 'docker0', outIf: 'eth0' });
    expect(forward(nf, out)).toBe('ACCEPT');
    const reply = echo('echo-reply', '8.8.8.8', '172.17.0.2', 3, { inIf: 'eth0', outIf: 'docker0' });
    expect(forward(nf, reply)).toBe('ACCEPT');
    const unsolicited = echo('echo-request', '8.8.8.8', '172.17.0.2', 4, { inIf: 'eth0', outIf: 'docker0' });
    expect(forward(nf, unsolicited)).toBe('DROP');
    expect(nf.policy('filter', 'FORWARD')).toEqual({ policy: 'DROP', counters: { packets: 1, bytes: 84 } });
  });

  it('RETURN in a built-in chain applies the policy', () => {
    const { nf } = makeNetfilter();
    nf.exec('-P INPUT DROP');
    nf.exec('-A INPUT -p udp -j RETURN');
    nf.exec('-A INPUT -j ACCEPT');
    expect(deliver(nf, udp('10.0.0.1', 1, '192.168.99.100', 2))).toBe('DROP');
    expect(deliver(nf, tcp('10.0.0.1', 1, '192.168.99.100', 2, 'S'))).toBe('ACCEPT');
    expect(nf.policy('filter', 'INPUT').counters.packets).toBe(1);
  });

  it('sets a mark in mangle PREROUTING that a later -m mark rule sees', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t mangle -A PREROUTING -p tcp --dport 8080 -j MARK --set-mark 0x100');
    nf.exec('-A FORWARD -m mark --mark 0x100 -j DROP');
    const marked = tcp('192.168.99.1', 50000, '10.0.0.5', 8080, 'S', { inIf: 'eth0', outIf: 'eth1' });
    expect(forward(nf, marked)).toBe('DROP');
    expect(marked.mark).toBe(0x100);
    const other = tcp('192.168.99.1', 50001, '10.0.0.5', 8081, 'S', { inIf: 'eth0', outIf: 'eth1' });
    expect(forward(nf, other)).toBe('ACCEPT');
    expect(other.mark).toBe(0);
  });

  it('applies --set-xmark, --or-mark and --and-mark to the existing mark', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t mangle -A OUTPUT -j MARK --or-mark 0x10');
    nf.exec('-t mangle -A OUTPUT -j MARK --set-xmark 0x2/0xf');
    nf.exec('-t mangle -A OUTPUT -j MARK --and-mark 0xff');
    const pkt = udp('192.168.99.100', 1, '8.8.8.8', 53, { outIf: 'eth0' });
    pkt.mark = 0x1f05;
    expect(nf.hook('OUTPUT', pkt)).toBe('ACCEPT');
    // (0x1f05 | 0x10) = 0x1f15; & ~0xf ^ 0x2 = 0x1f12; & 0xff = 0x12
    expect(pkt.mark).toBe(0x12);
  });

  it('matches interface wildcards and negations', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A FORWARD -i br-+ -o eth0 -j DROP');
    nf.exec('-A FORWARD ! -i veth+ -o docker0 -j DROP');
    expect(forward(nf, udp('172.19.0.2', 1, '8.8.8.8', 53, { inIf: 'br-1a2b', outIf: 'eth0' }))).toBe('DROP');
    expect(forward(nf, udp('172.19.0.2', 1, '8.8.8.8', 53, { inIf: 'bridge0', outIf: 'eth0' }))).toBe('ACCEPT');
    expect(forward(nf, udp('192.168.99.1', 1, '172.17.0.2', 53, { inIf: 'eth0', outIf: 'docker0' }))).toBe('DROP');
    expect(forward(nf, udp('172.17.0.3', 1, '172.17.0.2', 53, { inIf: 'veth12', outIf: 'docker0' }))).toBe('ACCEPT');
  });

  it('matches port ranges, negated addresses and addrtype LOCAL', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A INPUT -p tcp --dport 30000:32767 -j DROP');
    nf.exec('-A INPUT ! -s 192.168.99.0/24 -m addrtype --dst-type LOCAL -p udp -j DROP');
    expect(deliver(nf, tcp('192.168.99.1', 1, '192.168.99.100', 30000, 'S'))).toBe('DROP');
    expect(deliver(nf, tcp('192.168.99.1', 1, '192.168.99.100', 32768, 'S'))).toBe('ACCEPT');
    expect(deliver(nf, udp('10.9.9.9', 1, '192.168.99.100', 53))).toBe('DROP');
    expect(deliver(nf, udp('192.168.99.7', 1, '192.168.99.100', 53))).toBe('ACCEPT');
  });

  it('keeps rules in -I / -A / -D / -R order', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A INPUT -s 10.0.0.1 -j ACCEPT');
    nf.exec('-A INPUT -s 10.0.0.3 -j ACCEPT');
    nf.exec('-I INPUT 2 -s 10.0.0.2 -j ACCEPT');
    nf.exec('-I INPUT -s 10.0.0.0 -j DROP');
    nf.exec('-D INPUT -s 10.0.0.1 -j ACCEPT');
    nf.exec('-R INPUT 3 -s 10.0.0.4 -j ACCEPT');
    nf.exec('-D INPUT 1');
    expect(nf.exec('-S INPUT')).toBe(
      '-P INPUT ACCEPT\n-A INPUT -s 10.0.0.2/32 -j ACCEPT\n-A INPUT -s 10.0.0.4/32 -j ACCEPT\n'
    );
    expect(() => nf.exec('-C INPUT -s 10.0.0.2 -j ACCEPT')).not.toThrow();
    expect(nf.check('filter', 'INPUT', '-s 10.0.0.9 -j ACCEPT')).toBe(false);
  });

  it('renames, flushes, zeroes and deletes chains', () => {
    const { nf } = makeNetfilter();
    nf.exec('-N OLD');
    nf.exec('-A OLD -j ACCEPT');
    nf.exec('-A INPUT -j OLD');
    nf.exec('-E OLD NEW');
    expect(nf.exec('-S INPUT')).toContain('-A INPUT -j NEW\n');
    expect(deliver(nf, udp('10.0.0.1', 1, '192.168.99.100', 2))).toBe('ACCEPT');
    expect(nf.rules('filter', 'NEW')[0]!.counters.packets).toBe(1);
    nf.exec('-Z');
    expect(nf.rules('filter', 'NEW')[0]!.counters.packets).toBe(0);
    nf.exec('-F');
    nf.exec('-X');
    expect(nf.chains('filter')).toEqual(['INPUT', 'FORWARD', 'OUTPUT']);
  });

  it('counts a rule without a target and goes on', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A INPUT -p udp');
    nf.exec('-A INPUT -p udp -j DROP');
    expect(deliver(nf, udp('10.0.0.1', 1, '192.168.99.100', 2))).toBe('DROP');
    expect(nf.rules('filter', 'INPUT').map((r) => r.counters.packets)).toEqual([1, 1]);
    expect(nf.exec('-S INPUT')).toContain('-A INPUT -p udp\n');
  });
});

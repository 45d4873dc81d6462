import { describe, expect, it } from 'vitest';
import { DOCKER_NAT_RULES, echo, echoId, forward, makeNetfilter, ports, send, tcp } from './helpers.js';

function dockerHost() {
  const h = makeNetfilter();
  for (const rule of DOCKER_NAT_RULES) h.nf.exec(rule);
  return h;
}

describe('Docker MASQUERADE (-s 172.17.0.0/16 ! -o docker0)', () => {
  it('rewrites a container ping to the out interface address and the echo reply back to the container', () => {
    const { nf } = dockerHost();
    const request = echo('echo-request', '172.17.0.2', '8.8.8.8', 7, { inIf: 'docker0', outIf: 'eth0' });
    expect(forward(nf, request)).toBe('ACCEPT');
    expect(request.ip.src).toBe('192.168.99.100');
    expect(request.dirty).toBe(true);
    expect(echoId(request)).toBe(7);

    const reply = echo('echo-reply', '8.8.8.8', '192.168.99.100', 7, { inIf: 'eth0' });
    expect(nf.hook('PREROUTING', reply)).toBe('ACCEPT');
    // De-NAT happens in PREROUTING, so routing sends the reply to docker0.
    expect(reply.ip.dst).toBe('172.17.0.2');
    reply.outIf = 'docker0';
    expect(nf.hook('FORWARD', reply)).toBe('ACCEPT');
    expect(nf.hook('POSTROUTING', reply)).toBe('ACCEPT');
    expect(reply.ip.src).toBe('8.8.8.8');
  });

  it('leaves traffic that stays on docker0 alone', () => {
    const { nf } = dockerHost();
    const pkt = echo('echo-request', '172.17.0.2', '172.17.0.3', 1, { inIf: 'docker0', outIf: 'docker0' });
    expect(forward(nf, pkt)).toBe('ACCEPT');
    expect(pkt.ip.src).toBe('172.17.0.2');
    expect(pkt.dirty).toBe(false);
    expect(nf.rules('nat', 'POSTROUTING')[0]!.counters.packets).toBe(0);
  });

  it('shows the masqueraded flow in conntrack -L, unreplied then replied', () => {
    const { nf, clock } = dockerHost();
    forward(nf, echo('echo-request', '172.17.0.2', '8.8.8.8', 7, { inIf: 'docker0', outIf: 'eth0' }));
    clock.tick(1000);
    expect(nf.conntrack.list()).toBe(
      'icmp     1 29 src=172.17.0.2 dst=8.8.8.8 type=8 code=0 id=7 [UNREPLIED] src=8.8.8.8 dst=192.168.99.100 type=0 code=0 id=7 mark=0 use=1\n'
    );
    nf.hook('PREROUTING', echo('echo-reply', '8.8.8.8', '192.168.99.100', 7, { inIf: 'eth0' }));
    expect(nf.conntrack.list()).toBe(
      'icmp     1 30 src=172.17.0.2 dst=8.8.8.8 type=8 code=0 id=7 src=8.8.8.8 dst=192.168.99.100 type=0 code=0 id=7 mark=0 use=1\n'
    );
  });

  it('drops a masqueraded packet when the out interface has no address', () => {
    const { nf } = makeNetfilter({ docker0: '172.17.0.1' });
    nf.exec('-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(forward(nf, echo('echo-request', '172.17.0.2', '8.8.8.8', 1, { inIf: 'docker0', outIf: 'eth9' }))).toBe(
      'DROP'
    );
    expect(nf.conntrack.count()).toBe(0);
  });
});

describe('Docker port publishing (-p 8080:80 → DNAT to 172.17.0.2:80)', () => {
  it('carries a TCP connection both ways; only the SYN traverses the nat table', () => {
    const { nf, clock } = dockerHost();
    const syn = tcp('192.168.99.1', 50000, '192.168.99.100', 8080, 'S', { inIf: 'eth0' });
    expect(nf.hook('PREROUTING', syn)).toBe('ACCEPT');
    expect([syn.ip.dst, ports(syn)[1]]).toEqual(['172.17.0.2', 80]);
    syn.outIf = 'docker0';
    expect(nf.hook('FORWARD', syn)).toBe('ACCEPT');
    expect(nf.hook('POSTROUTING', syn)).toBe('ACCEPT');
    expect(syn.ip.src).toBe('192.168.99.1');

    const synAck = tcp('172.17.0.2', 80, '192.168.99.1', 50000, 'SA', { inIf: 'docker0', outIf: 'eth0' });
    expect(forward(nf, synAck)).toBe('ACCEPT');
    expect([synAck.ip.src, ports(synAck)[0]]).toEqual(['192.168.99.100', 8080]);

    for (const f of ['A', 'PA', 'PA']) {
      const pkt = tcp('192.168.99.1', 50000, '192.168.99.100', 8080, f, { inIf: 'eth0' });
      nf.hook('PREROUTING', pkt);
      expect([pkt.ip.dst, ports(pkt)[1]]).toEqual(['172.17.0.2', 80]);
      pkt.outIf = 'docker0';
      nf.hook('FORWARD', pkt);
      nf.hook('POSTROUTING', pkt);
    }
    const dnat = nf.rules('nat', 'DOCKER')[1]!;
    expect(dnat.counters).toEqual({ packets: 1, bytes: 40 });
    expect(nf.rules('nat', 'PREROUTING')[0]!.counters.packets).toBe(1);
    clock.tick(1);
    expect(nf.conntrack.list()).toBe(
      'tcp      6 431999 ESTABLISHED src=192.168.99.1 dst=192.168.99.100 sport=50000 dport=8080 src=172.17.0.2 dst=192.168.99.1 sport=80 dport=50000 [ASSURED] mark=0 use=1\n'
    );
  });

  it('does not DNAT traffic arriving from docker0 itself (the RETURN rule)', () => {
    const { nf } = dockerHost();
    const pkt = tcp('172.17.0.3', 40000, '172.17.0.1', 8080, 'S', { inIf: 'docker0' });
    expect(nf.hook('PREROUTING', pkt)).toBe('ACCEPT');
    expect(pkt.ip.dst).toBe('172.17.0.1');
    expect(nf.rules('nat', 'DOCKER')[0]!.counters.packets).toBe(1);
  });

  it('DNATs host-local connections to the published port through nat OUTPUT', () => {
    const { nf } = dockerHost();
    const pkt = tcp('192.168.99.100', 41000, '192.168.99.100', 8080, 'S', { outIf: 'lo' });
    expect(nf.hook('OUTPUT', pkt)).toBe('ACCEPT');
    expect([pkt.ip.dst, ports(pkt)[1]]).toEqual(['172.17.0.2', 80]);
    pkt.outIf = 'docker0';
    expect(nf.hook('POSTROUTING', pkt)).toBe('ACCEPT');
    const reply = tcp('172.17.0.2', 80, '192.168.99.100', 41000, 'SA', { inIf: 'docker0' });
    expect(nf.hook('PREROUTING', reply)).toBe('ACCEPT');
    expect(nf.hook('INPUT', reply)).toBe('ACCEPT');
    expect([reply.ip.src, ports(reply)[0]]).toEqual(['192.168.99.100', 8080]);
  });

  it('keeps loopback destinations out of DOCKER from OUTPUT (! -d 127.0.0.0/8)', () => {
    const { nf } = dockerHost();
    const pkt = tcp('127.0.0.1', 41000, '127.0.0.1', 8080, 'S', { outIf: 'lo' });
    expect(send(nf, pkt)).toBe('ACCEPT');
    expect(pkt.ip.dst).toBe('127.0.0.1');
    expect(nf.rules('nat', 'OUTPUT')[0]!.counters.packets).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { deliver, echo, echoId, forward, makeNetfilter, ports, send, tcp, udp } from './helpers.js';

const FROM_DOCKER0 = { inIf: 'docker0', outIf: 'eth0' };

describe('source NAT port selection', () => {
  it('keeps the source port when free and picks another one on a clash, mapping replies back', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    const a = udp('172.17.0.2', 40000, '8.8.8.8', 53, FROM_DOCKER0);
    const b = udp('172.17.0.3', 40000, '8.8.8.8', 53, FROM_DOCKER0);
    forward(nf, a);
    forward(nf, b);
    expect([a.ip.src, ports(a)[0]]).toEqual(['192.168.99.100', 40000]);
    expect(b.ip.src).toBe('192.168.99.100');
    const mapped = ports(b)[0];
    expect(mapped).not.toBe(40000);
    expect(mapped).toBeGreaterThanOrEqual(1024);

    const replyB = udp('8.8.8.8', 53, '192.168.99.100', mapped, { inIf: 'eth0', outIf: 'docker0' });
    forward(nf, replyB);
    expect([replyB.ip.dst, ports(replyB)[1]]).toEqual(['172.17.0.3', 40000]);
    const replyA = udp('8.8.8.8', 53, '192.168.99.100', 40000, { inIf: 'eth0', outIf: 'docker0' });
    forward(nf, replyA);
    expect([replyA.ip.dst, ports(replyA)[1]]).toEqual(['172.17.0.2', 40000]);
  });

  it('leaves a zero UDP checksum zero when it rewrites the port (nf_nat udp_manip_pkt)', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    forward(nf, udp('172.17.0.2', 40000, '8.8.8.8', 53, FROM_DOCKER0));
    const b = udp('172.17.0.3', 40000, '8.8.8.8', 53, FROM_DOCKER0);
    if (b.l4.protocol === 'udp') b.l4 = { ...b.l4, zeroChecksum: true };
    forward(nf, b);
    expect(ports(b)[0]).not.toBe(40000);
    expect(b.l4).toMatchObject({ protocol: 'udp', zeroChecksum: true });
  });

  it('starts the free-port search at an offset drawn from the injected RNG', () => {
    const { nf } = makeNetfilter(undefined, {}, () => 0.5);
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    forward(nf, udp('172.17.0.2', 40000, '8.8.8.8', 53, FROM_DOCKER0));
    const b = udp('172.17.0.3', 40000, '8.8.8.8', 53, FROM_DOCKER0);
    forward(nf, b);
    // off = 0.5 * 65536 = 32768, window 1024..65535: 1024 + 32768 % 64512
    expect(ports(b)[0]).toBe(1024 + 32768);
  });

  it('keeps privileged source ports privileged (Linux maps <512 into 1..511)', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    forward(nf, udp('172.17.0.2', 123, '1.1.1.1', 123, FROM_DOCKER0));
    const b = udp('172.17.0.3', 123, '1.1.1.1', 123, FROM_DOCKER0);
    forward(nf, b);
    expect(ports(b)[0]).toBeGreaterThanOrEqual(1);
    expect(ports(b)[0]).toBeLessThan(512);
    expect(ports(b)[0]).not.toBe(123);
  });

  it('gives a second flow from the same source the same public port (find_appropriate_src)', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    forward(nf, udp('172.17.0.2', 40000, '8.8.8.8', 53, FROM_DOCKER0));
    const clash = udp('172.17.0.3', 40000, '8.8.8.8', 53, FROM_DOCKER0);
    forward(nf, clash);
    const again = udp('172.17.0.3', 40000, '1.1.1.1', 53, FROM_DOCKER0);
    forward(nf, again);
    expect(ports(again)[0]).toBe(ports(clash)[0]);
  });

  it('changes a clashing ICMP echo identifier', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    const a = echo('echo-request', '172.17.0.2', '8.8.8.8', 1, FROM_DOCKER0);
    const b = echo('echo-request', '172.17.0.3', '8.8.8.8', 1, FROM_DOCKER0);
    forward(nf, a);
    forward(nf, b);
    expect(echoId(a)).toBe(1);
    expect(echoId(b)).not.toBe(1);
    const reply = echo('echo-reply', '8.8.8.8', '192.168.99.100', echoId(b), { inIf: 'eth0', outIf: 'docker0' });
    forward(nf, reply);
    expect([reply.ip.dst, echoId(reply)]).toEqual(['172.17.0.3', 1]);
  });

  it('SNATs into an explicit port range', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -p udp -o eth0 -j SNAT --to-source 192.168.99.100:2000-2001');
    const mapped = [1, 2, 3].map((i) => {
      const p = udp(`172.17.0.${i}`, 5000, '8.8.8.8', 53, FROM_DOCKER0);
      forward(nf, p);
      return ports(p)[0];
    });
    expect(mapped.slice(0, 2).sort()).toEqual([2000, 2001]);
    expect(nf.exec('-t nat -S POSTROUTING')).toContain('-j SNAT --to-source 192.168.99.100:2000-2001\n');
  });

  it('does not move a source port that is taken by a connection with a different peer', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A POSTROUTING -o eth0 -j MASQUERADE');
    forward(nf, udp('172.17.0.2', 40000, '8.8.8.8', 53, FROM_DOCKER0));
    const other = udp('172.17.0.3', 40000, '1.1.1.1', 53, FROM_DOCKER0);
    forward(nf, other);
    expect(ports(other)[0]).toBe(40000);
  });
});

describe('destination NAT variants', () => {
  it('REDIRECTs to the incoming interface address (Swarm ingress: --to-port on the task)', () => {
    const { nf } = makeNetfilter({ lo: '127.0.0.1', eth0: '172.18.0.3', eth1: '10.0.0.7' });
    nf.exec('-t nat -A PREROUTING -d 10.0.0.7/32 -p tcp -m tcp --dport 8080 -j REDIRECT --to-port 80');
    const syn = tcp('10.0.0.2', 33000, '10.0.0.7', 8080, 'S', { inIf: 'eth1' });
    expect(deliver(nf, syn)).toBe('ACCEPT');
    expect([syn.ip.dst, ports(syn)[1]]).toEqual(['10.0.0.7', 80]);
    const synAck = tcp('10.0.0.7', 80, '10.0.0.2', 33000, 'SA', { outIf: 'eth1' });
    expect(send(nf, synAck)).toBe('ACCEPT');
    expect(ports(synAck)[0]).toBe(8080);
  });

  it('REDIRECTs locally generated packets to 127.0.0.1', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A OUTPUT -p tcp --dport 80 -j REDIRECT --to-ports 3128');
    const pkt = tcp('192.168.99.100', 41000, '93.184.216.34', 80, 'S', { outIf: 'eth0' });
    nf.hook('OUTPUT', pkt);
    expect([pkt.ip.dst, ports(pkt)[1]]).toEqual(['127.0.0.1', 3128]);
  });

  it('DNATs to an address range, spreading clients by hash and keeping each client on one address', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A PREROUTING -d 192.168.99.100 -p tcp --dport 80 -j DNAT --to-destination 10.1.0.1-10.1.0.4');
    const dst = (client: string, port: number): string => {
      const p = tcp(client, port, '192.168.99.100', 80, 'S', { inIf: 'eth0' });
      nf.hook('PREROUTING', p);
      return p.ip.dst;
    };
    const picks = new Set(Array.from({ length: 16 }, (_, i) => dst(`192.168.99.${i + 1}`, 5000)));
    expect([...picks].every((ip) => /^10\.1\.0\.[1-4]$/.test(ip))).toBe(true);
    expect(picks.size).toBeGreaterThan(1);
    expect(dst('192.168.99.1', 6000)).toBe(dst('192.168.99.1', 6001));
  });

  it('lets ctstate DNAT/SNAT see what happened to a connection', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
    nf.exec('-P FORWARD DROP');
    nf.exec('-A FORWARD -m conntrack --ctstate DNAT -j ACCEPT');
    expect(
      forward(nf, tcp('192.168.99.1', 50000, '192.168.99.100', 8080, 'S', { inIf: 'eth0', outIf: 'docker0' }))
    ).toBe('ACCEPT');
    expect(
      forward(nf, tcp('192.168.99.1', 50000, '192.168.99.100', 8081, 'S', { inIf: 'eth0', outIf: 'docker0' }))
    ).toBe('DROP');
  });
});

import { describe, expect, it } from 'vitest';
import { ManualClock } from '@swarmsim/clock';
import { Fabric, ifconfig, ipAddr, ipLink, ipNeigh, ipRoute, type Namespace } from '../../src/index.js';

function pair(): { clock: ManualClock; a: Namespace; b: Namespace } {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock });
  const a = fabric.createNamespace('a');
  const b = fabric.createNamespace('b');
  a.addVethPair('eth0', 'eth0', b, { mac: '02:42:ac:11:00:02', peerMac: '02:42:ac:11:00:03' });
  a.addAddress('eth0', '172.17.0.2/16');
  b.addAddress('eth0', '172.17.0.3/16');
  a.setUp('eth0');
  b.setUp('eth0');
  return { clock, a, b };
}

describe('Linux-shaped views', () => {
  it('prints ifconfig as net-tools does, with counters that move', async () => {
    const { clock, a } = pair();
    const done = a.icmp.ping('172.17.0.3');
    clock.tick(1000);
    expect((await done).received).toBe(1);
    const text = ifconfig(a, 'eth0');
    expect(text).toBe(
      [
        'eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500',
        '        inet 172.17.0.2  netmask 255.255.0.0  broadcast 172.17.255.255',
        '        ether 02:42:ac:11:00:02  txqueuelen 0  (Ethernet)',
        // ARP reply (42 bytes) + echo reply (98 bytes) in; ARP request + echo request out.
        '        RX packets 2  bytes 140 (140.0 B)',
        '        RX errors 0  dropped 0  overruns 0  frame 0',
        '        TX packets 2  bytes 140 (140.0 B)',
        '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
        ''
      ].join('\n')
    );
    expect(ifconfig(a)).toContain('lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536');
  });

  it('prints ip addr, ip link, ip route and ip neigh', async () => {
    const { clock, a, b } = pair();
    a.routes.addDefault('172.17.0.1', 'eth0');
    const done = a.icmp.ping('172.17.0.3');
    clock.tick(1000);
    await done;
    const peerIndex = b.interface('eth0').ifIndex;
    const idx = a.interface('eth0').ifIndex;
    expect(ipAddr(a)).toContain(
      `${idx}: eth0@if${peerIndex}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default \n` +
        '    link/ether 02:42:ac:11:00:02 brd ff:ff:ff:ff:ff:ff link-netnsid 0\n' +
        '    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0\n' +
        '       valid_lft forever preferred_lft forever\n'
    );
    expect(ipAddr(a)).toContain('    inet 127.0.0.1/8 scope host lo\n');
    expect(ipLink(a)).toContain(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000'
    );
    expect(ipRoute(a)).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n'
    );
    expect(ipNeigh(a)).toBe('172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 REACHABLE\n');
    clock.tick(31_000);
    expect(ipNeigh(a)).toBe('172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 STALE\n');
  });

  it('shows a veth whose peer is down as NO-CARRIER / LOWERLAYERDOWN', () => {
    const { a, b } = pair();
    b.setUp('eth0', false);
    expect(ipLink(a)).toMatch(
      /eth0@if\d+: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state LOWERLAYERDOWN/
    );
  });
});

describe('stack behaviours seen through the views', () => {
  it('uses a permanent neighbour entry without sending ARP', async () => {
    const { clock, a } = pair();
    a.neighbors.addPermanent(a.interface('eth0'), '172.17.0.3', '02:42:ac:11:00:03');
    const sent: number[] = [];
    a.interface('eth0').tap = (frame, dir) => {
      if (dir === 'tx') sent.push((frame[12]! << 8) | frame[13]!);
    };
    const done = a.icmp.ping('172.17.0.3');
    clock.tick(1000);
    expect((await done).received).toBe(1);
    expect(ipNeigh(a)).toBe('172.17.0.3 dev eth0 lladdr 02:42:ac:11:00:03 PERMANENT\n');
    // The echo request went straight out as IPv4; a's only ARP frame is its reply to b's request.
    expect(sent[0]).toBe(0x0800);
    expect(sent.filter((t) => t === 0x0806).length).toBe(1);
  });

  it('stays silent to pings with icmp_echo_ignore_all and refuses datagrams over the MTU', async () => {
    const { clock, a, b } = pair();
    b.icmpEchoIgnoreAll = true;
    const done = a.icmp.ping('172.17.0.3', { waitMs: 2000 });
    clock.tick(2000);
    expect((await done).received).toBe(0);
    expect(() => a.udp.bind().send(new Uint8Array(1473), 9, '172.17.0.3')).toThrow(
      expect.objectContaining({ code: 'NETMODEL_ERR_MESSAGE_TOO_LONG' })
    );
    expect(() => a.udp.bind().send(new Uint8Array(1472), 9, '172.17.0.3')).not.toThrow();
  });
});

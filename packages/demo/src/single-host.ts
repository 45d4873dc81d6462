import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDockerHost } from '@swarmsim/drivers';
import { bridgeFdb, Fabric, ifconfig, ipRoute, Wire, type PingResult } from '@swarmsim/netmodel';
import { whoami } from '@swarmsim/apps';
import { PcapWriter } from '@swarmsim/packet';
import { ManualClock } from '@swarmsim/clock';

// npm run demo:single-host: one Docker host on a LAN, two containers, a published port, a capture — all in virtual time.
const clock = new ManualClock(Date.UTC(2026, 0, 1));
const fabric = new Fabric({ clock }, { seed: 42 });
const lan = new Wire('underlay');
const router = fabric.createNamespace('router');
const routerEth = router.addEther('eth0', { mac: '02:00:00:00:00:01' });
lan.attach(routerEth);
router.addAddress('eth0', '192.168.99.1/24');
router.addAddress('eth0', '8.8.8.8/32');
router.setUp('eth0');
const host = createDockerHost(fabric, 'node-1', { wire: lan, cidr: '192.168.99.100/24', gateway: '192.168.99.1' });
for (const dev of host.ns.allInterfaces()) dev.netem = { delayMs: 0.05 };

const say = (line: string) => console.log(line);
const section = (title: string) => say(`\n\x1b[1m$ ${title}\x1b[0m`);

const c1 = fabric.createNamespace('c1');
const web = fabric.createNamespace('web');
const capture = new PcapWriter({ clock });
const c1Ep = host.bridges.connect(c1, 'bridge');
c1.interface('eth0').netem = { delayMs: 0.05 };
host.ns.interface(c1Ep.hostVeth).tap = (frame) => capture.write(frame);
const webEp = host.bridges.connect(web, 'bridge', { publish: [{ hostPort: 8080, containerPort: 80 }] });
section('docker run -d --name c1 busybox; docker run -d --name web -p 8080:80 traefik/whoami');
say(`c1  ${c1Ep.ip}  ${c1Ep.mac}\nweb ${webEp.ip}  ${webEp.mac}`);

whoami.start({ ns: web, hostname: 'web', env: {} });

async function ping(from: typeof c1, name: string, dst: string, count: number): Promise<void> {
  section(`docker exec ${name} ping -c ${count} ${dst}`);
  const pending = from.icmp.ping(dst, { count });
  clock.tick(count * 1000 + 1000);
  const r: PingResult = await pending;
  say(`PING ${dst} (${dst}): 56 data bytes`);
  for (const reply of r.replies)
    say(`${reply.bytes} bytes from ${reply.from}: seq=${reply.seq} ttl=${reply.ttl} time=${reply.rttMs.toFixed(3)} ms`);
  say(
    `--- ${dst} ping statistics ---\n${r.transmitted} packets transmitted, ${r.received} packets received, ${r.lossPercent}% packet loss`
  );
}

async function main(): Promise<void> {
  await ping(c1, 'c1', webEp.ip, 3);
  await ping(c1, 'c1', '8.8.8.8', 1);
  section('curl http://192.168.99.100:8080/   (from 192.168.99.1 on the LAN, through DNAT)');
  const client = router.tcp.connect('192.168.99.1', '192.168.99.100', 8080);
  let response = '';
  client.on('data', (d) => (response += new TextDecoder().decode(d)));
  client.on('connect', () =>
    client.write(
      new TextEncoder().encode(
        'GET / HTTP/1.1\r\nHost: 192.168.99.100:8080\r\nUser-Agent: curl/8.5.0\r\nConnection: close\r\n\r\n'
      )
    )
  );
  // curl closes its side once the server has closed (Connection: close).
  client.on('end', () => client.end());
  clock.tick(1000);
  say(response.split('\r\n\r\n')[1] ?? '(no response)');
  section('docker exec c1 ifconfig eth0');
  say(ifconfig(c1, 'eth0'));
  section('docker exec c1 ip route');
  say(ipRoute(c1));
  section('bridge fdb show br docker0');
  say(bridgeFdb(host.ns));
  section('iptables -t nat -L -nv');
  say(host.ns.netfilter.list('nat', { verbose: true, numeric: true }));
  section('conntrack -L');
  say(host.ns.netfilter.conntrack.list());
  const file = join(tmpdir(), 'swarmsim-demo-c1.pcap');
  writeFileSync(file, capture.toBytes());
  say(`\nCaptured ${capture.packetCount} frames on c1's host-side veth: ${file} (open with tshark -r or Wireshark).`);
  say('The multi-node swarm (gossip, overlay, VIPs, DNS) arrives with the next issues.');
}

await main();

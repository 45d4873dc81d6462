import { describe, expect, it } from 'vitest';
import { encodeEthernet } from '@swarmsim/packet';
import { ManualClock } from '@swarmsim/clock';
import { Fabric, type NetInterface } from '../../src/index.js';

function setup() {
  const clock = new ManualClock();
  const fabric = new Fabric({ clock });
  const host = fabric.createNamespace('host');
  const br = host.addBridge('br0', { ageingMs: 300_000 });
  host.setUp('br0');
  const ends: NetInterface[] = [];
  const seen: Record<string, number> = {};
  for (const name of ['a', 'b', 'c']) {
    const ns = fabric.createNamespace(name);
    const [outside, inside] = host.addVethPair(`v${name}`, 'eth0', ns, {});
    br.addPort(outside);
    host.setUp(`v${name}`);
    ns.setUp('eth0');
    inside.mac = `02:00:00:00:00:0${ends.length + 1}`;
    ends.push(inside);
    seen[name] = 0;
    const original = inside.receive.bind(inside);
    inside.receive = (frame: Uint8Array) => {
      seen[name]!++;
      original(frame);
    };
  }
  const send = (from: NetInterface, to: string) =>
    from.transmit(encodeEthernet({ dst: to, src: from.mac, etherType: 0x88b5, payload: new Uint8Array(46) }));
  return { clock, br, ends, seen, send };
}

describe('Bridge', () => {
  it('floods unknown destinations, then forwards only to the learned port', () => {
    const { br, ends, seen, send } = setup();
    const [a, b] = ends as [NetInterface, NetInterface, NetInterface];
    send(a, b.mac);
    expect(seen).toEqual({ a: 0, b: 1, c: 1 });
    send(b, a.mac);
    expect(seen).toEqual({ a: 1, b: 1, c: 1 });
    send(a, b.mac);
    expect(seen).toEqual({ a: 1, b: 2, c: 1 });
    expect(br.lookup(a.mac)?.name).toBe('va');
  });

  it('ages learned entries out after ageing_time and floods again', () => {
    const { clock, br, ends, seen, send } = setup();
    const [a, b] = ends as [NetInterface, NetInterface, NetInterface];
    send(b, a.mac);
    clock.tick(300_001);
    expect(br.lookup(b.mac)).toBeUndefined();
    send(a, b.mac);
    expect(seen.c).toBe(2);
  });

  it('keeps static entries forever and does not move them by learning', () => {
    const { clock, br, ends, seen, send } = setup();
    const [a, b, c] = ends as [NetInterface, NetInterface, NetInterface];
    br.addStaticEntry(b.mac, br.ports[1]!);
    clock.tick(10_000_000);
    send(c, b.mac);
    expect(seen).toEqual({ a: 0, b: 1, c: 0 });
    // A forged frame from b's MAC on port a must not steal the static entry.
    a.transmit(encodeEthernet({ dst: c.mac, src: b.mac, etherType: 0x88b5, payload: new Uint8Array(46) }));
    expect(br.lookup(b.mac)?.name).toBe('vb');
    expect(br.entries().find((e) => e.mac === b.mac)?.isStatic).toBe(true);
  });
});

import { Buffer } from 'node:buffer';
import dnsPacket, { type DecodedPacket, type RecordType } from 'dns-packet';
import { ManualClock } from '@swarmsim/clock';
import { RecordStore, dnsResolver, type Forwarder, type Resolver, type ResolverInit } from '../src/index.js';

/** Encodes a one-question query (RD set, as dig sends). */
export function query(
  name: string,
  type: RecordType = 'A',
  options: { id?: number; udpSize?: number } = {}
): Uint8Array {
  const additionals =
    options.udpSize === undefined
      ? []
      : [
          {
            type: 'OPT' as const,
            name: '.',
            udpPayloadSize: options.udpSize,
            extendedRcode: 0,
            ednsVersion: 0,
            flags: 0,
            flag_do: false,
            options: []
          }
        ];
  return dnsPacket.encode({
    id: options.id ?? 4242,
    type: 'query',
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals
  });
}

/** A decoded reply; dns-packet sets `rcode` and `opcode` though its types omit them. */
export type Reply = DecodedPacket & { rcode: string; opcode: string };

/** Decodes reply bytes; fails the test when there are none. */
export function decode(bytes: Uint8Array | undefined): Reply {
  if (bytes === undefined) throw new Error('expected a reply, got a silent drop');
  return dnsPacket.decode(Buffer.from(bytes)) as Reply;
}

/** Addresses in the answer section, in reply order. */
export function ips(reply: DecodedPacket): string[] {
  return (reply.answers ?? []).map((a) => ('data' in a ? String(a.data) : ''));
}

/** Lets promise callbacks run between clock ticks. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** A store with the networks of a small swarm; see the comments for what lives where. */
export function swarmStore(): RecordStore {
  const store = new RecordStore();
  store.addNetwork({ id: 'net-front', name: 'front' });
  store.addNetwork({ id: 'net-back', name: 'back' });
  store.addNetwork({ id: 'net-ingress', name: 'ingress', ingress: true });
  store.addNetwork({ id: 'net-gw', name: 'docker_gwbridge', scope: 'local' });
  // web: vip mode on front, 3 replicas.
  const web = { id: 'svc-web', name: 'web', vip: '10.0.1.2', aliases: ['www'] };
  for (const [slot, ip] of [
    [1, '10.0.1.3'],
    [2, '10.0.1.4'],
    [3, '10.0.1.5']
  ] as const) {
    store.setEndpoint('net-front', `ep-web-${slot}`, { name: `web.${slot}.task${slot}`, ip, service: web });
  }
  // api: dnsrr on front and back.
  store.setEndpoint('net-front', 'ep-api-1', {
    name: 'api.1.a1',
    ip: '10.0.1.10',
    service: { id: 'svc-api', name: 'api' }
  });
  store.setEndpoint('net-front', 'ep-api-2', {
    name: 'api.2.a2',
    ip: '10.0.1.11',
    service: { id: 'svc-api', name: 'api' }
  });
  // db: a standalone container on back only.
  store.setEndpoint('net-back', 'ep-db', { name: 'db', ip: '10.0.2.5', aliases: ['database'] });
  return store;
}

/** A resolver over `store` with a ManualClock and the given upstreams. */
export function setup(
  store: RecordStore,
  upstreams: Forwarder[] = [],
  init: ResolverInit = { seed: 7 }
): { resolver: Resolver; clock: ManualClock } {
  const clock = new ManualClock();
  return { resolver: dnsResolver(init)({ clock, store, upstreams }), clock };
}

/** An upstream that answers every query with one A record, counting calls. */
export function answeringUpstream(
  ip: string,
  options: { rcode?: number; hostLoopback?: boolean } = {}
): Forwarder & { calls: number } {
  const upstream = {
    calls: 0,
    hostLoopback: options.hostLoopback ?? false,
    forward(bytes: Uint8Array): Promise<Uint8Array> {
      upstream.calls++;
      const q = dnsPacket.decode(Buffer.from(bytes));
      const flags = dnsPacket.RECURSION_AVAILABLE | (options.rcode ?? 0);
      const answers =
        options.rcode === undefined ? [{ type: 'A' as const, name: q.questions![0]!.name, ttl: 30, data: ip }] : [];
      return Promise.resolve(dnsPacket.encode({ id: q.id, type: 'response', flags, questions: q.questions, answers }));
    }
  };
  return upstream;
}

/** An upstream that never answers (a blackholed server), counting calls. */
export function silentUpstream(): Forwarder & { calls: number } {
  const upstream = {
    calls: 0,
    forward: (): Promise<Uint8Array> => {
      upstream.calls++;
      return new Promise(() => undefined);
    }
  };
  return upstream;
}

/** The error `fn` throws (fails the test when it returns). */
export function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

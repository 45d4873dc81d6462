import { Buffer } from 'node:buffer';
import dnsPacket, { type Answer } from 'dns-packet';
import { RecordStore, dnsResolver, type QueryContext, type Resolver } from '@swarmsim/dns';
import { ManualClock } from '@swarmsim/clock';
import { measurePaired, type PairedRate } from './measure.js';
import type { BenchRow } from './netmodel-bench.js';

interface Workload {
  batch: () => void;
  ops: number;
}

const CTX: QueryContext = { networks: ['overlay-1', 'overlay-2'] };

/** 100 vip-mode services of 3 tasks on each of two overlays: a busy node's local NetworkDB view. */
function busyResolver(): Resolver {
  const store = new RecordStore();
  for (const n of [1, 2]) {
    const net = `overlay-${n}`;
    store.addNetwork({ id: net, name: `app${n}` });
    for (let s = 0; s < 100; s++) {
      const service = { id: `svc${s}`, name: `svc${s}`, vip: `10.${n}.${s}.2` };
      for (let t = 1; t <= 3; t++)
        store.setEndpoint(net, `ep-${n}-${s}-${t}`, {
          name: `svc${s}.${t}.task${t}`,
          ip: `10.${n}.${s}.${t + 2}`,
          service
        });
    }
  }
  return dnsResolver({ seed: 1 })({ clock: new ManualClock(), store });
}

const queryFor = (name: string): Uint8Array =>
  dnsPacket.encode({ id: 1, type: 'query', flags: dnsPacket.RECURSION_DESIRED, questions: [{ type: 'A', name }] });

/** The resolver answering `name` from its records (parse, scoped lookup, shuffle, encode). */
function resolverWork(resolver: Resolver, name: string): Workload {
  const query = queryFor(name);
  return {
    ops: 1000,
    batch: () => {
      for (let i = 0; i < 1000; i++) {
        if (resolver.resolveLocal(query, CTX).type !== 'reply')
          throw new Error(`bench: ${name} did not resolve locally`);
      }
    }
  };
}

/** Reference: dns-packet alone decoding the same query and encoding the same reply (`answers` A records). */
function codecOnly(name: string, answers: number): Workload {
  const query = Buffer.from(queryFor(name));
  const records: Answer[] = Array.from({ length: answers }, (_, i) => ({
    type: 'A',
    name,
    ttl: 600,
    class: 'IN',
    data: `10.1.0.${i + 3}`
  }));
  return {
    ops: 1000,
    batch: () => {
      for (let i = 0; i < 1000; i++) {
        const q = dnsPacket.decode(query);
        dnsPacket.encode({
          id: q.id,
          type: 'response',
          flags: dnsPacket.RECURSION_AVAILABLE,
          questions: q.questions,
          answers: records
        });
      }
    }
  };
}

/** Resolver answers/s for a service-name A query (and tasks.<svc>), each beside dns-packet decode+encode alone. */
export async function runDnsBench(): Promise<BenchRow[]> {
  const resolver = busyResolver();
  const row = (name: string, r: PairedRate, answers: number): BenchRow => ({
    name,
    unit: 'answers/s',
    value: Math.round(r.work.opsPerSec),
    reference: `dns-packet only: decode the query + encode the ${answers}-record reply`,
    referenceValue: Math.round(r.reference.opsPerSec),
    ratio: Number(r.ratio.toFixed(3))
  });
  return [
    row(
      'embedded DNS: service name A → VIP (200 services on 2 networks)',
      measurePaired(resolverWork(resolver, 'svc42'), codecOnly('svc42', 1)),
      1
    ),
    row(
      'embedded DNS: tasks.<svc> A → 3 task IPs, shuffled',
      measurePaired(resolverWork(resolver, 'tasks.svc42'), codecOnly('tasks.svc42', 3)),
      3
    )
  ];
}

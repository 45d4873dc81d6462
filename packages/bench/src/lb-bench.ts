import { IpvsTable, SCHEDULERS, type PacketTuple, type SchedulerName } from '@swarmsim/lb';
import { ManualClock } from '@swarmsim/clock';
import { measureRate, type Rate } from './measure.js';
import type { BenchRow } from './netmodel-bench.js';

// lb: IPVS scheduling cost. New flows run the full ip_vs_in path (connection lookup miss, scheduler,
// connection insert) and, once per batch, the expiry of that batch (virtual time jumps past the UDP
// timeout), so the table stays small. References are measured in the same run.

const SERVERS = 10;
const BATCH = 1000;

function flows(): PacketTuple[] {
  return Array.from({ length: BATCH }, (_, i) => ({
    protocol: 'udp' as const,
    srcIp: `10.1.${i >> 8}.${i & 255}`,
    srcPort: 30000 + i,
    dstIp: '10.0.1.2',
    dstPort: 53,
    fwmark: 256
  }));
}

function table(scheduler: SchedulerName): { clock: ManualClock; ipvs: IpvsTable } {
  const clock = new ManualClock();
  const ipvs = new IpvsTable({ clock });
  const svc = ipvs.addService({ fwmark: 256, scheduler });
  for (let i = 0; i < SERVERS; i++) ipvs.addServer(svc, { ip: `10.0.1.${10 + i}`, weight: 1 + (i % 3) });
  return { clock, ipvs };
}

/** New flows per second through `schedule()`, each batch expired before the next. */
function newFlows(scheduler: SchedulerName): Rate {
  const { clock, ipvs } = table(scheduler);
  const packets = flows();
  let forwarded = 0;
  const rate = measureRate(() => {
    for (const p of packets) if (ipvs.schedule(p)?.created === true) forwarded++;
    clock.tick(301_000);
  }, BATCH);
  if (forwarded === 0) throw new Error(`bench: ${scheduler} forwarded no flow`);
  return rate;
}

/** Packets of existing flows per second: connection-table hit + timeout refresh. */
function existingLookups(): Rate {
  const { ipvs } = table('rr');
  const packets = flows();
  for (const p of packets) ipvs.schedule(p);
  let hits = 0;
  const rate = measureRate(() => {
    for (const p of packets) if (ipvs.schedule(p)?.created === false) hits++;
  }, BATCH);
  if (hits === 0) throw new Error('bench: no existing-connection hit');
  return rate;
}

/**
 * Reference for new flows: the least any connection-tracking balancer does — build the flow key, pick by
 * an array round-robin index, remember the pick in a Map (cleared per batch, as our expiry empties the table).
 */
function minimalBalancer(): Rate {
  const servers = Array.from({ length: SERVERS }, (_, i) => `10.0.1.${10 + i}`);
  const packets = flows();
  const conns = new Map<string, string>();
  let next = 0;
  const rate = measureRate(() => {
    for (const p of packets) {
      conns.set(`${p.protocol} ${p.srcIp}:${p.srcPort} ${p.dstIp}:${p.dstPort}`, servers[next]!);
      next = (next + 1) % servers.length;
    }
    conns.clear();
  }, BATCH);
  return rate;
}

/** Reference for existing flows: a bare Map.get of precomputed flow keys. */
function bareMapGet(): Rate {
  const keys = flows().map((p) => `${p.protocol} ${p.srcIp}:${p.srcPort} ${p.dstIp}:${p.dstPort}`);
  const map = new Map(keys.map((k, i) => [k, i]));
  let sum = 0;
  const rate = measureRate(() => {
    for (const k of keys) sum += map.get(k) ?? 0;
  }, BATCH);
  if (sum === 0) throw new Error('bench: reference did nothing');
  return rate;
}

/** Runs every lb workload and returns rows with their same-run references. */
export async function runLbBench(): Promise<BenchRow[]> {
  const minimal = minimalBalancer();
  const get = bareMapGet();
  const row = (name: string, value: Rate, reference: string, ref: Rate): BenchRow => ({
    name,
    unit: 'flows/s',
    value: Math.round(value.opsPerSec),
    reference,
    referenceValue: Math.round(ref.opsPerSec),
    ratio: Number((value.opsPerSec / ref.opsPerSec).toFixed(4))
  });
  const rows = SCHEDULERS.map((s) =>
    row(
      `IPVS new flows, scheduler ${s} (${SERVERS} servers, weights 1–3, schedule + insert + expiry)`,
      newFlows(s),
      'flow key + array round-robin + Map.set',
      minimal
    )
  );
  rows.push({
    ...row(
      'IPVS packets of existing flows (connection lookup + refresh)',
      existingLookups(),
      'bare Map.get of the same flow keys',
      get
    ),
    unit: 'packets/s'
  });
  return rows;
}

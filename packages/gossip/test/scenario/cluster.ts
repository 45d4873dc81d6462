import { ManualClock } from '@swarmsim/clock';
import { MemoryNetwork, type LinkConditions } from '@swarmsim/transport-memory';
import { seededRandom } from '@swarmsim/interface';
import { gossip, type Gossip, type GossipInit } from '../../src/index.js';

/** Cluster-wide key used by scenario tests. */
export const KEY = new Uint8Array(32).fill(42);

/** One line of the cluster event log: virtual time, node, event, subject. */
export type LogLine = string;

/** A simulated cluster of gossip nodes on one MemoryNetwork under one ManualClock. */
export interface Cluster {
  clock: ManualClock;
  net: MemoryNetwork;
  nodes: Gossip[];
  log: LogLine[];
  byId(id: string): Gossip;
}

/** Options of {@link makeCluster}. */
export interface ClusterOptions {
  n: number;
  seed?: number;
  link?: LinkConditions;
  init?: Partial<GossipInit>;
}

/** Builds, starts and joins `n` nodes (`n0` is the seed) and records every event. */
export async function makeCluster(options: ClusterOptions): Promise<Cluster> {
  const clock = new ManualClock();
  const seed = options.seed ?? 1;
  const net = new MemoryNetwork({ clock }, { seed, defaults: options.link ?? { latencyMs: 1, jitterMs: 1 } });
  const log: LogLine[] = [];
  const nodes: Gossip[] = [];
  for (let i = 0; i < options.n; i++) {
    const id = `n${i}`;
    const node = gossip({ preset: 'local', keys: [KEY], ...options.init })({
      clock,
      transport: net.createTransport(id),
      random: seededRandom(seed * 1000 + i)
    });
    record(node, clock, log);
    node.start();
    nodes.push(node);
  }
  const joins = nodes.slice(1).map((node) => node.join(['n0']));
  clock.tick(50);
  await Promise.all(joins);
  return { clock, net, nodes, log, byId: (id) => nodes.find((n) => n.localId === id)! };
}

function record(node: Gossip, clock: ManualClock, log: LogLine[]): void {
  for (const kind of ['join', 'suspect', 'alive', 'dead', 'left'] as const) {
    node.on(`member:${kind}`, (m) =>
      log.push(`${clock.now()} ${node.localId} member:${kind} ${m.node}@${m.incarnation}`)
    );
  }
  for (const kind of ['create', 'update', 'delete'] as const) {
    node.on(`table:${kind}`, (e) =>
      log.push(`${clock.now()} ${node.localId} table:${kind} ${e.network}/${e.table}/${e.key}@${e.ltime}`)
    );
  }
}

/** Whether every node in `nodes` sees exactly `expected` alive members. */
export function membershipConverged(nodes: Gossip[], expected: string[]): boolean {
  const want = [...expected].sort().join(',');
  return nodes.every(
    (n) =>
      n
        .members()
        .filter((m) => m.state === 'alive')
        .map((m) => m.node)
        .join(',') === want
  );
}

/** A node's live table view as comparable text. */
export function tableView(node: Gossip): string {
  return node
    .entries()
    .map((e) => `${e.network}/${e.table}/${e.key}=${Buffer.from(e.value).toString('hex')}@${e.owner}`)
    .join('\n');
}

import { isTerminal } from '@swarmsim/swarm';
import type { ManagerSnapshot, NodeStatus } from '@swarmsim/node';

/** One node as the convergence check sees it: its name, whether it should be alive, its status if it answered. */
export interface NodeView {
  name: string;
  live: boolean;
  status?: NodeStatus;
}

/**
 * What still keeps a cluster from having converged, one line per gap (empty when converged), from the nodes'
 * plain-data statuses — the one rule both runtimes use: every live node joined and Ready and every killed one
 * Down; every live node's gossip sees exactly the live nodes alive; replicated services have their replicas
 * running; every live node runs exactly the tasks the leader wants running there (a killed node's leftovers are
 * not looked at: like a crashed host, it cannot be asked); and every overlay network a live node has built holds
 * exactly the other live nodes' endpoints on it as peers (their `overlay_peer_table` records reached it, and a dead
 * node's are gone), and every node's DNS holds exactly the live nodes' published endpoints of each network it is on.
 */
export function convergenceGaps(views: readonly NodeView[], manager: ManagerSnapshot): string[] {
  return [
    ...nodeGaps(views, manager),
    ...gossipGaps(views),
    ...taskGaps(views, manager),
    ...overlayGaps(views),
    ...dnsGaps(views)
  ];
}

function nodeGaps(views: readonly NodeView[], manager: ManagerSnapshot): string[] {
  const gaps: string[] = [];
  const byHost = new Map(manager.nodes.map((n) => [n.hostname, n.state]));
  for (const v of views) {
    const state = byHost.get(v.name);
    if (v.live && (v.status?.joined !== true || state !== 'ready'))
      gaps.push(`${v.name}: not ready (${state ?? 'not joined'})`);
    if (!v.live && state !== undefined && state !== 'down') gaps.push(`${v.name}: killed but ${state}`);
  }
  return gaps;
}

function gossipGaps(views: readonly NodeView[]): string[] {
  const gaps: string[] = [];
  for (const v of views) {
    if (!v.live || v.status?.joined !== true) continue;
    const alive = new Set(v.status.aliveMembers);
    for (const other of views) {
      if (alive.has(other.name) !== other.live)
        gaps.push(`${v.name}: gossip sees ${other.name} ${other.live ? 'not alive' : 'alive'}`);
    }
  }
  return gaps;
}

function taskGaps(views: readonly NodeView[], manager: ManagerSnapshot): string[] {
  const gaps: string[] = [];
  for (const s of manager.services) {
    if (s.mode === 'global') continue;
    const running = manager.tasks.filter(
      (t) => t.serviceId === s.id && t.desiredState === 'running' && t.state === 'running'
    ).length;
    if (running !== s.replicas) gaps.push(`${s.name}: ${running}/${s.replicas} running`);
  }
  const byId = new Map(views.flatMap((v) => (v.status?.nodeId === undefined ? [] : [[v.status.nodeId, v] as const])));
  const wanted = new Set<string>();
  for (const t of manager.tasks) {
    if (t.desiredState !== 'running') {
      // A task told to stop counts until the leader hears it stopped (a dead node's tasks keep their last state).
      const v = t.nodeId === undefined ? undefined : byId.get(t.nodeId);
      if (v?.live === true && !isTerminal(t.state)) gaps.push(`task ${t.id}: still ${t.state} on ${v.name}`);
      continue;
    }
    wanted.add(t.id);
    const v = t.nodeId === undefined ? undefined : byId.get(t.nodeId);
    if (v === undefined || !v.live) gaps.push(`task ${t.id}: on no live node`);
    else if (!v.status?.tasks.some((x) => x.taskId === t.id && x.state === 'running'))
      gaps.push(`task ${t.id}: not running on ${v.name}`);
  }
  for (const v of views) {
    if (!v.live) continue;
    for (const x of v.status?.tasks ?? []) if (!wanted.has(x.taskId)) gaps.push(`${v.name}: stale task ${x.taskId}`);
  }
  return gaps;
}

function overlayGaps(views: readonly NodeView[]): string[] {
  const live = views.filter((v) => v.live && v.status !== undefined);
  const gaps: string[] = [];
  for (const v of live) {
    for (const net of v.status!.overlays ?? []) {
      const want = live
        .filter((u) => u !== v)
        .flatMap((u) => u.status!.overlays?.find((o) => o.network === net.network)?.endpoints ?? [])
        .sort();
      const have = [...net.peers].sort();
      if (want.join() !== have.join()) gaps.push(`${v.name}: overlay ${net.network} peers [${have}], want [${want}]`);
    }
  }
  return gaps;
}

function dnsGaps(views: readonly NodeView[]): string[] {
  const live = views.filter((v) => v.live && v.status !== undefined);
  const gaps: string[] = [];
  for (const v of live) {
    for (const net of v.status!.dns ?? []) {
      const want = live.flatMap((u) => u.status!.dns?.find((d) => d.network === net.network)?.local ?? []).sort();
      if (want.join() !== net.records.join()) {
        gaps.push(`${v.name}: DNS of ${net.network} holds [${net.records}], want [${want}]`);
      }
    }
  }
  return gaps;
}

import type { NetworkView, NodeView, ServiceView, TaskView } from '@swarmsim/swarm';

/** Columns padded as the docker CLI's tabwriter prints them (at least 3 spaces between columns). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3)))
      .join('')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const short = (id: string): string => id.slice(0, 12);
// docker CLI task formatter: the ERROR column is quoted and cut to 30 characters unless --no-trunc.
const ERROR_COLUMN_WIDTH = 30;
const quotedErr = (err: string | undefined): string =>
  err === undefined || err === ''
    ? ''
    : `"${err.length > ERROR_COLUMN_WIDTH ? `${err.slice(0, ERROR_COLUMN_WIDTH - 1)}…` : err}"`;
const title = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** `docker node ls`. */
export function nodeTable(nodes: readonly NodeView[], leaderHost: string): string {
  const rows = nodes.map((n) => [
    short(n.ID),
    n.Description.Hostname,
    title(n.Status.State),
    title(n.Spec.Availability),
    n.Spec.Role === 'manager' ? (n.Description.Hostname === leaderHost ? 'Leader' : 'Reachable') : ''
  ]);
  return table(['ID', 'HOSTNAME', 'STATUS', 'AVAILABILITY', 'MANAGER STATUS'], rows);
}

/** `docker network ls --filter driver=overlay` (swarm networks). */
export function networkTable(networks: readonly NetworkView[]): string {
  const rows = networks.map((n) => [
    short(n.ID),
    n.Spec.Name,
    'overlay',
    'swarm',
    n.IPAMOptions.Configs.map((c) => c.Subnet).join(',')
  ]);
  return table(['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE', 'SUBNET'], rows);
}

/** `docker service ls`; `running` counts running tasks per service id. */
export function serviceTable(services: readonly ServiceView[], tasks: readonly TaskView[]): string {
  const rows = services.map((s) => {
    const running = tasks.filter(
      (t) => t.ServiceID === s.ID && t.DesiredState === 'running' && t.Status.State === 'running'
    ).length;
    const mode = 'Replicated' in s.Spec.Mode ? 'replicated' : 'global';
    const wanted =
      'Replicated' in s.Spec.Mode
        ? String(s.Spec.Mode.Replicated.Replicas)
        : String(tasks.filter((t) => t.ServiceID === s.ID && t.DesiredState === 'running').length);
    const ports = s.Endpoint.Ports.map((p) => `*:${p.PublishedPort}->${p.TargetPort}/${p.Protocol}`).join(', ');
    return [short(s.ID), s.Spec.Name, mode, `${running}/${wanted}`, s.Spec.TaskTemplate.ContainerSpec.Image, ports];
  });
  return table(['ID', 'NAME', 'MODE', 'REPLICAS', 'IMAGE', 'PORTS'], rows);
}

/** `docker service ps <svc>` (ERROR is `Status.Err`) with the task's overlay addresses; `hostOf` maps ids to hostnames. */
export function taskTable(
  service: ServiceView,
  tasks: readonly TaskView[],
  hostOf: (nodeId: string | undefined) => string
): string {
  const mine = tasks
    .filter((t) => t.ServiceID === service.ID)
    .sort((a, b) => (a.Slot ?? 0) - (b.Slot ?? 0) || b.CreatedAt.localeCompare(a.CreatedAt));
  const rows = mine.map((t, i) => {
    const sameSlotBefore = i > 0 && mine[i - 1]!.Slot === t.Slot;
    const name = `${sameSlotBefore ? ' \\_ ' : ''}${service.Spec.Name}.${t.Slot ?? short(t.NodeID ?? '')}`;
    const addrs = t.NetworksAttachments.filter((a) => a.Network.Spec.Name !== 'ingress').flatMap((a) =>
      a.Addresses.map((x) => `${a.Network.Spec.Name} ${x}`)
    );
    return [
      short(t.ID),
      name,
      service.Spec.TaskTemplate.ContainerSpec.Image,
      hostOf(t.NodeID),
      title(t.DesiredState),
      title(t.Status.State),
      quotedErr(t.Status.Err),
      addrs.join(', ')
    ];
  });
  return table(['ID', 'NAME', 'IMAGE', 'NODE', 'DESIRED STATE', 'CURRENT STATE', 'ERROR', 'ADDRESSES'], rows);
}

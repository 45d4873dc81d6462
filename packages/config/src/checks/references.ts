import { parseCidr, parseIpv4 } from '@swarmsim/addr';
import type { ParsedConfig, ReferenceView } from '../parsed-config.js';
import type { Problems } from '../problem.js';
import type { ContainerInput } from '../schema/container.js';

const SWARM_SCOPE_ONLY = 'only networks scoped to the swarm can be used, such as those created with the overlay driver';

/** Service networks are declared overlays (Docker refuses local networks and an explicit ingress). */
export function checkServiceNetworks(config: ParsedConfig, problems: Problems): void {
  const byName = new Map(config.networks.map((n) => [n.value.name, n.value]));
  for (const { index, networks } of config.serviceRefs) {
    networks.forEach((name, i) => {
      if (typeof name !== 'string') return;
      const path = ['services', index, 'networks', i];
      const net = byName.get(name);
      if (name === 'ingress')
        problems.add(
          'CONFIG_ERR_UNKNOWN_REFERENCE',
          path,
          'Service cannot be explicitly attached to the ingress network "ingress"'
        );
      else if (['bridge', 'host', 'none'].includes(name) || net?.driver === 'bridge') {
        problems.add(
          'CONFIG_ERR_UNKNOWN_REFERENCE',
          path,
          `the network ${name} cannot be used with services: ${SWARM_SCOPE_ONLY}`
        );
      } else if (!config.declared.networks.has(name))
        problems.add('CONFIG_ERR_UNKNOWN_REFERENCE', path, `network ${name} not found`);
    });
  }
}

/** Containers run on declared nodes, on networks they may join, with `--ip` only in a user subnet. */
export function checkContainerReferences(config: ParsedConfig, problems: Problems): void {
  for (const ref of config.containerRefs) {
    if (typeof ref.node === 'string' && !config.declared.nodes.has(ref.node)) {
      problems.add('CONFIG_ERR_UNKNOWN_REFERENCE', ['containers', ref.index, 'node'], `node ${ref.node} not found`);
    }
    ref.networks.forEach((name, i) => {
      if (typeof name === 'string')
        checkContainerNetwork(config, ref, name, ['containers', ref.index, 'networks', i], problems);
    });
  }
  for (const { index, value } of config.containers) {
    if (value.ip !== undefined) checkStaticIp(config, value, ['containers', index, 'ip'], problems);
  }
}

function checkContainerNetwork(
  config: ParsedConfig,
  ctr: ReferenceView,
  name: string,
  path: (string | number)[],
  problems: Problems
): void {
  if (['bridge', 'host', 'none'].includes(name)) return;
  if (name.startsWith('container:')) {
    const other = name.slice('container:'.length);
    // Docker: --network container:<x> shares x's namespace, so x must run on the same daemon.
    if (config.declared.containers.get(other) !== ctr.node || other === ctr.name) {
      problems.add('CONFIG_ERR_UNKNOWN_REFERENCE', path, `No such container: ${other} (on node ${String(ctr.node)})`);
    }
    return;
  }
  const net = config.networks.find((n) => n.value.name === name)?.value;
  if (name === 'ingress' || (net?.driver === 'overlay' && !net.attachable)) {
    problems.add(
      'CONFIG_ERR_UNKNOWN_REFERENCE',
      path,
      `Could not attach to network ${name}: network ${name} not manually attachable`
    );
  } else if (net?.driver === 'overlay') {
    // Until containers have the VXLAN data plane, booting would stop at this container (CLUSTER_ERR_UNSUPPORTED).
    problems.add(
      'CONFIG_ERR_UNSUPPORTED',
      path,
      `attaching a standalone container to the overlay ${name} needs the overlay data plane, which is not built yet`
    );
  } else if (!config.declared.networks.has(name)) {
    problems.add('CONFIG_ERR_UNKNOWN_REFERENCE', path, `network ${name} not found`);
  }
}

function checkStaticIp(config: ParsedConfig, ctr: ContainerInput, path: (string | number)[], problems: Problems): void {
  // Docker applies --ip to the network given with --network (the first one here).
  const net = config.networks.find((n) => n.value.name === ctr.networks[0])?.value;
  const subnet = net?.subnet === undefined ? undefined : parseCidr(net.subnet);
  const ip = parseIpv4(ctr.ip!)!;
  if (subnet === undefined) {
    problems.add(
      'CONFIG_ERR_INVALID_ADDRESS',
      path,
      'user specified IP address is supported only when connecting to networks with user configured subnets'
    );
  } else if (ip <= subnet.start || ip >= subnet.end) {
    problems.add('CONFIG_ERR_INVALID_ADDRESS', path, `ip ${ctr.ip!} is not a host address of subnet ${net!.subnet!}`);
  }
}

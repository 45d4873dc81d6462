import type { ClusterSpec } from '@swarmsim/config';
import type { ClusterContainers } from './containers.js';
import { ClusterError } from './errors.js';
import type { ClusterNetworks, ClusterServices, ClusterSwarmNodes } from './resources.js';
import { toBridgeOptions, toNetworkRequest, toRunOptions, toServiceSpec } from './spec.js';

/** The cluster's resource APIs a spec is applied through. */
export interface SpecTargets {
  swarmNodes: ClusterSwarmNodes;
  networks: ClusterNetworks;
  services: ClusterServices;
  containers: ClusterContainers;
}

/**
 * Creates what a spec declares once the swarm is up, in the order a user would type it: node availability
 * (`docker node update --availability`), overlay networks through the leader, bridge networks on every node (they
 * are local to a Docker host), services, then each standalone container on its node (`docker run`, then
 * `network connect` for its further networks).
 */
export async function createSpecResources(
  spec: ClusterSpec,
  { swarmNodes, networks, services, containers }: SpecTargets
): Promise<void> {
  for (const n of spec.nodes) if (n.availability !== 'active') await swarmNodes.setAvailability(n.name, n.availability);
  for (const net of spec.networks) {
    if (net.driver === 'overlay') await networks.create(toNetworkRequest(net));
    else await Promise.all(spec.nodes.map((n) => containers.createNetwork(n.name, net.name, toBridgeOptions(net))));
  }
  for (const s of spec.services) await services.create(toServiceSpec(s));
  const overlays = new Set(spec.networks.filter((n) => n.driver === 'overlay').map((n) => n.name));
  for (const c of spec.containers) {
    const overlay = c.networks.find((n) => overlays.has(n));
    if (overlay !== undefined) {
      throw new ClusterError(
        { code: 'CLUSTER_ERR_UNSUPPORTED', container: c.name, network: overlay },
        `container ${c.name}: attaching a standalone container to the overlay ${overlay} needs the overlay data plane, which is not built yet`
      );
    }
    await containers.run(c.node, toRunOptions(c));
    for (const network of c.networks.slice(1)) await containers.connect(c.node, c.name, network);
  }
}

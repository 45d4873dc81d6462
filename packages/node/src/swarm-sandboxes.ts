import type { BridgeEndpoint, BridgeNetwork, DockerHost } from '@swarmsim/drivers';
import type { Fabric, Namespace } from '@swarmsim/netmodel';

/** What swarm init/join adds to a host: docker_gwbridge and the ingress sandbox. */
export interface SwarmSandboxes {
  gwbridge: BridgeNetwork;
  /** The ingress load-balancing sandbox (`ingress-sbox`), named `<node>:ingress-sbox` in the shared fabric. */
  ingressSbox: Namespace;
  ingressGateway: BridgeEndpoint;
}

/**
 * Builds the swarm-mode sandboxes: docker_gwbridge (next local pool, normally 172.18.0.0/16, icc off as
 * libnetwork createGWNetwork sets it) and ingress-sbox with eth0 on `ingress` (the node's ingress address)
 * and eth1 on docker_gwbridge (first free address, 172.18.0.2).
 */
export function createSwarmSandboxes(
  fabric: Fabric,
  host: DockerHost,
  node: string,
  ingressAddr: string
): SwarmSandboxes {
  const gwbridge = host.bridges.createNetwork('docker_gwbridge', { bridgeName: 'docker_gwbridge', icc: false });
  const ingressSbox = fabric.createNamespace(`${node}:ingress-sbox`);
  // The ingress interface holds the address only: the VXLAN data plane between nodes is a later issue.
  ingressSbox.addEther('eth0');
  if (ingressAddr !== '') ingressSbox.addAddress('eth0', ingressAddr);
  ingressSbox.setUp('eth0');
  const ingressGateway = host.bridges.connect(ingressSbox, 'docker_gwbridge');
  return { gwbridge, ingressSbox, ingressGateway };
}

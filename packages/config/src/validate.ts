import { checkNames } from './checks/names.js';
import { checkNodeAddresses, checkRoles } from './checks/nodes.js';
import {
  checkHostCapacity,
  checkIngressCapacity,
  checkUnderlayAddresses,
  underlayFor
} from './checks/node-addresses.js';
import { checkContainerPorts, checkServiceModes, checkServicePorts } from './checks/ports.js';
import { checkContainerReferences, checkServiceNetworks } from './checks/references.js';
import { checkNetworkSubnets, checkPools } from './checks/subnets.js';
import { parseList, parseWith } from './issues.js';
import type { Declared, ParsedConfig, ReferenceView } from './parsed-config.js';
import type { Problems } from './problem.js';
import { resolveNodes, resolveSpec, toGossipSpec } from './resolve.js';
import { containerSchema } from './schema/container.js';
import { networkSchema } from './schema/network.js';
import { nodeSchema } from './schema/node.js';
import { addressPoolSchema, gossipSchema, rootSchema, underlaySchema } from './schema/root.js';
import { serviceSchema } from './schema/service.js';
import type { ClusterSpec } from './types.js';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function section(root: unknown, key: string): unknown[] | undefined {
  const value = isRecord(root) ? root[key] : undefined;
  return Array.isArray(value) ? value : undefined;
}

function names(items: unknown[] | undefined): Set<string> {
  return new Set((items ?? []).flatMap((i) => (isRecord(i) && typeof i['name'] === 'string' ? [i['name']] : [])));
}

function declaredIn(root: unknown): Declared {
  const containers = new Map<string, unknown>();
  for (const c of section(root, 'containers') ?? [])
    if (isRecord(c) && typeof c['name'] === 'string') containers.set(c['name'], c['node']);
  return { nodes: names(section(root, 'nodes')), networks: names(section(root, 'networks')), containers };
}

function referenceViews(items: unknown[] | undefined): ReferenceView[] {
  return (items ?? []).map((item, index) => {
    const raw = isRecord(item) ? item : {};
    const networks = Array.isArray(raw['networks']) ? (raw['networks'] as unknown[]) : [];
    return { index, name: raw['name'], node: raw['node'], networks };
  });
}

/** Parses every section on its own (so all errors surface together) into a {@link ParsedConfig}. */
export function parseSections(root: unknown, problems: Problems): ParsedConfig {
  parseWith(rootSchema, root, problems, []);
  const before = problems.list.length;
  const nodes = parseList(nodeSchema, section(root, 'nodes'), problems, 'nodes');
  // Right after the nodes, so an error in another section does not read as a node that failed to parse.
  const allNodesParsed = problems.list.length === before && section(root, 'nodes') !== undefined;
  const rawGossip = isRecord(root) ? root['gossip'] : undefined;
  const gossip = rawGossip === undefined ? undefined : parseWith(gossipSchema, rawGossip, problems, ['gossip']);
  const rawUnderlay = isRecord(root) ? root['underlay'] : undefined;
  const underlay =
    rawUnderlay === undefined ? undefined : parseWith(underlaySchema, rawUnderlay, problems, ['underlay']);
  return {
    nodes,
    allNodesParsed,
    gossip: gossip === undefined ? undefined : toGossipSpec(gossip),
    underlaySubnet: underlay?.subnet,
    underlayInvalid: rawUnderlay !== undefined && underlay === undefined,
    pools: parseList(addressPoolSchema, section(root, 'defaultAddressPools'), problems, 'defaultAddressPools'),
    networks: parseList(networkSchema, section(root, 'networks'), problems, 'networks'),
    services: parseList(serviceSchema, section(root, 'services'), problems, 'services'),
    containers: parseList(containerSchema, section(root, 'containers'), problems, 'containers'),
    declared: declaredIn(root),
    serviceRefs: referenceViews(section(root, 'services')),
    containerRefs: referenceViews(section(root, 'containers'))
  };
}

/** Validates the plain data of a config file; a spec when no problem was found, undefined otherwise. */
export function validateConfig(root: unknown, problems: Problems): ClusterSpec | undefined {
  const config = parseSections(root, problems);
  const underlay = underlayFor(config, problems);
  const hostsFit = checkHostCapacity(config, problems);
  const nodes = underlay !== undefined && hostsFit ? resolveNodes(config.nodes, underlay) : [];
  if (underlay !== undefined) checkUnderlayAddresses(config, underlay, problems);
  checkNames(config, problems);
  checkRoles(config, problems);
  checkNodeAddresses(nodes, problems);
  checkPools(config, problems);
  checkIngressCapacity(config, problems);
  checkNetworkSubnets(config, problems);
  checkServiceNetworks(config, problems);
  checkContainerReferences(config, problems);
  checkServiceModes(config, problems);
  checkContainerPorts(config, checkServicePorts(config, problems), problems);
  return problems.list.length > 0
    ? undefined
    : resolveSpec(
        config,
        nodes.map((n) => n.spec)
      );
}

import {
  defaultClusterSpec,
  formatConstraint,
  type ClusterSpec,
  type ContainerSpec,
  type NetworkSpec as ConfigNetworkSpec,
  type ServiceSpec as ConfigServiceSpec
} from '@swarmsim/config';
import type { InProcessNodeInit, NetworkCreateOptions, RunOptions } from '@swarmsim/node';
import type { LogLevel } from '@swarmsim/log';
import type { NetworkRequest, ServiceSpec } from '@swarmsim/swarm';

/** Options of {@link Cluster.start}: a spec (or the default one resized) and the runtime. */
export interface ClusterStartOptions {
  /** The whole cluster, e.g. from {@link loadClusterConfig}; `nodes` is ignored when given. */
  spec?: ClusterSpec;
  /** Nodes: node-1 manager and leader, the rest workers (config's `defaultClusterSpec(nodes)`). @default 3 */
  nodes?: number;
  /** Seed of every RNG of the simulation. @default 1 */
  seed?: number;
  /** @default 'in-process' */
  runtime?: 'in-process' | 'worker';
  /** Lowest level worker nodes forward to the `logger` component (in-process nodes log to it directly). */
  logLevel?: LogLevel;
}

/** True when `x` is a full {@link ClusterSpec}. */
export function isClusterSpec(x: ClusterSpec | ClusterStartOptions): x is ClusterSpec {
  return Array.isArray((x as ClusterSpec).nodes);
}

/** The spec options describe: `spec` as given, else config's default spec with `nodes` nodes. */
export function specOf(options: ClusterStartOptions): ClusterSpec {
  return options.spec ?? defaultClusterSpec(options.nodes ?? 3);
}

/** What every runtime builds a spec node from: the same `InProcessNodeInit`, in this thread or in a worker. */
export function nodeInitOf(spec: ClusterSpec, n: ClusterSpec['nodes'][number]): InProcessNodeInit {
  return {
    name: n.name,
    underlayIp: n.underlayIp,
    underlayPrefix: n.underlayPrefix,
    labels: { ...n.labels },
    preset: spec.gossip.preset,
    gossip: { ...spec.gossip.overrides },
    defaultAddrPool: [...spec.defaultAddressPools]
  };
}

/** A config-file service as `docker service create` would send it to the manager. */
export function toServiceSpec(s: ConfigServiceSpec): ServiceSpec {
  return {
    name: s.name,
    image: s.image,
    mode: s.mode.type,
    ...(s.mode.type === 'replicated' ? { replicas: s.mode.replicas } : {}),
    networks: [...s.networks],
    endpointMode: s.endpointMode,
    ports: s.ports.map((p) => ({
      targetPort: p.target,
      ...(p.published === undefined ? {} : { publishedPort: p.published }),
      protocol: p.protocol,
      publishMode: p.mode
    })),
    constraints: s.constraints.map(formatConstraint),
    restartPolicy: {
      condition: s.restartPolicy.condition,
      delayMs: s.restartPolicy.delayMs,
      maxAttempts: s.restartPolicy.maxAttempts
    },
    updateConfig: {
      parallelism: s.updateConfig.parallelism,
      delayMs: s.updateConfig.delayMs,
      order: s.updateConfig.order
    }
  };
}

/** A config-file overlay network as `docker network create -d overlay` would send it to the manager. */
export function toNetworkRequest(net: ConfigNetworkSpec): NetworkRequest {
  return {
    name: net.name,
    attachable: net.attachable,
    internal: net.internal,
    ...(net.subnet === undefined ? {} : { subnet: net.subnet }),
    ...(net.gateway === undefined ? {} : { gateway: net.gateway })
  };
}

/** A config-file bridge network as `docker network create -d bridge` options (created on every node). */
export function toBridgeOptions(net: ConfigNetworkSpec): NetworkCreateOptions {
  return {
    internal: net.internal,
    attachable: net.attachable,
    ...(net.subnet === undefined ? {} : { subnet: net.subnet }),
    ...(net.gateway === undefined ? {} : { gateway: net.gateway }),
    ...(net.ipRange === undefined ? {} : { ipRange: net.ipRange })
  };
}

/** A config-file container as `docker run -d` options; its networks after the first are `network connect`ed. */
export function toRunOptions(c: ContainerSpec): RunOptions {
  const first = c.networks[0];
  const publish = c.publish
    .filter((p) => p.protocol !== 'sctp')
    .map((p) => ({
      containerPort: p.containerPort,
      protocol: p.protocol as 'tcp' | 'udp',
      ...(p.hostPort === undefined ? {} : { hostPort: p.hostPort })
    }));
  return {
    name: c.name,
    image: c.image,
    publish,
    ...(first === undefined ? {} : { network: first }),
    ...(c.ip === undefined ? {} : { ip: c.ip })
  };
}

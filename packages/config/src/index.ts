/**
 * @packageDocumentation
 * `cluster.config.yaml` → a typed, validated {@link ClusterSpec} with every default applied. Pure: it parses a
 * YAML string; reading the file is the caller's job. Every problem is a {@link ConfigError} with a code and
 * `file:line:col`, and all of them are thrown together in one {@link ConfigErrors}. The rules Swarm applies to
 * what a config declares (the placement-constraint grammar and matcher, service names, port ranges) live here
 * too, so `@swarmsim/swarm` validates API calls with the very code that validates a config file.
 *
 * @example
 * ```ts
 * import { parseClusterConfig, ConfigErrors } from '@swarmsim/config';
 * const text = 'nodes:\n  - name: node-1\n    role: manager\n';
 * try {
 *   const spec = parseClusterConfig(text, { file: 'cluster.config.yaml' });
 *   console.log(spec.nodes[0]?.underlayIp); // 192.168.99.100
 * } catch (err) {
 *   if (err instanceof ConfigErrors) for (const e of err.errors) console.error(e.message);
 * }
 * ```
 */
export { parseClusterConfig, type ParseOptions } from './parse.js';
export { defaultClusterSpec } from './default-spec.js';
export {
  ConfigError,
  ConfigErrors,
  NodeCountError,
  type ConfigErrorCode,
  type ConfigErrorType,
  type ConfigErrorsType,
  type NodeCountErrorType
} from './errors.js';
export { parseDuration } from './duration.js';
export { parseServicePort, parseContainerPublish, isPort, type Parsed } from './ports.js';
export { parseConstraint, formatConstraint } from './constraints.js';
export { nodeMatchesConstraints, type ConstraintTarget } from './constraint-match.js';
export { parseServiceName } from './service-name.js';
export { parseImageReference, type ImageReference } from './image-reference.js';
export {
  GOSSIP_TIMER_NAMES,
  type AddressPoolSpec,
  type ClusterSpec,
  type ConstraintSpec,
  type ContainerPublishSpec,
  type ContainerSpec,
  type GossipPreset,
  type GossipSpec,
  type GossipTimerName,
  type NetworkDriver,
  type NetworkSpec,
  type NodeAvailability,
  type NodeRole,
  type NodeSpec,
  type PortProtocol,
  type PortSpec,
  type PublishMode,
  type RestartPolicySpec,
  type ServiceMode,
  type ServiceSpec,
  type UpdateConfigSpec
} from './types.js';

import type {
  ConnectNetworkOptions,
  ContainerEngine,
  ContainerView,
  LocalNetworkView,
  NetworkCreateOptions,
  RunOptions
} from './containers/index.js';

/**
 * One request to a node's engine for standalone containers and local networks, as plain data, so the same call
 * runs in-process or crosses into the node's worker thread (structured clone) unchanged.
 */
export type ContainerCall =
  | { op: 'run'; options: RunOptions }
  | { op: 'start'; container: string }
  | { op: 'stop'; container: string }
  | { op: 'restart'; container: string }
  | { op: 'remove'; container: string; force?: boolean }
  | { op: 'inspect'; container: string }
  | { op: 'list'; all?: boolean }
  | { op: 'connect'; container: string; network: string; options?: ConnectNetworkOptions }
  | { op: 'disconnect'; container: string; network: string }
  | { op: 'createNetwork'; name: string; options?: NetworkCreateOptions }
  | { op: 'removeNetwork'; network: string }
  | { op: 'inspectNetwork'; network: string }
  | { op: 'networks' };

/** What each call answers (plain data). */
export interface ContainerResults {
  run: ContainerView;
  start: ContainerView;
  stop: ContainerView;
  restart: ContainerView;
  remove: undefined;
  inspect: ContainerView;
  list: ContainerView[];
  connect: ContainerView;
  disconnect: ContainerView;
  createNetwork: LocalNetworkView;
  removeNetwork: undefined;
  inspectNetwork: LocalNetworkView;
  networks: LocalNetworkView[];
}

/** The answer type of one call. */
export type ContainerResult<C extends ContainerCall> = ContainerResults[C['op']];

/** Runs one call against a node's container engine; errors are the engine's own (ContainerError with a code). */
export async function runContainerCall<C extends ContainerCall>(
  engine: ContainerEngine,
  call: C
): Promise<ContainerResult<C>> {
  return (await dispatch(engine, call)) as ContainerResult<C>;
}

async function dispatch(
  engine: ContainerEngine,
  call: ContainerCall
): Promise<ContainerResults[keyof ContainerResults]> {
  switch (call.op) {
    case 'run':
      return engine.run(call.options);
    case 'start':
      return engine.start(call.container);
    case 'stop':
      return engine.stop(call.container);
    case 'restart':
      return engine.restart(call.container);
    case 'remove':
      engine.remove(call.container, { force: call.force ?? false });
      return undefined;
    case 'inspect':
      return engine.inspect(call.container);
    case 'list':
      return engine.list({ all: call.all ?? false });
    case 'connect':
      return engine.connect(call.container, call.network, call.options ?? {});
    case 'disconnect':
      return engine.disconnect(call.container, call.network);
    case 'createNetwork':
      return engine.createNetwork(call.name, call.options ?? {});
    case 'removeNetwork':
      engine.removeNetwork(call.network);
      return undefined;
    case 'inspectNetwork':
      return engine.network(call.network);
    case 'networks':
      return engine.networks();
  }
}

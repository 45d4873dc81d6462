export { ContainerEngine, type ContainerEngineComponents, type ContainerEngineInit } from './container-engine.js';
export { ContainerError, type ContainerErrorCode, type ContainerErrorType } from './errors.js';
export { HostPortProxy, type HostPortProxyComponents, type HostPortProxyInit } from './host-port-proxy.js';
export { EMBEDDED_DNS_IP } from './embedded-dns.js';
export { outsideAddressFor, outsideNamespace, outsideNamespaceName } from './outside-namespace.js';
export type {
  ConnectNetworkOptions,
  ContainerState,
  ContainerView,
  EndpointView,
  NetworkCreateOptions,
  NetworkView as LocalNetworkView,
  PortBinder,
  PublishedPort,
  PublishSpec,
  RunOptions
} from './types.js';

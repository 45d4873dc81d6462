import { DriverError, type DockerHost, type HostPortAllocator, type PortMapping } from '@swarmsim/drivers';
import type { RecordStore, Resolver } from '@swarmsim/dns';
import type { Logger } from '@swarmsim/interface';
import type { Fabric, Namespace } from '@swarmsim/netmodel';
import type { Attachment, ContainerRecord } from './container-record.js';
import { EmbeddedDns } from './embedded-dns.js';
import { containerError } from './errors.js';
import type { PortBinder, PublishedPort } from './types.js';

/** What the runtime needs from its engine. */
export interface ContainerRuntimeDeps {
  node: string;
  fabric: Fabric;
  host: DockerHost;
  ports: HostPortAllocator;
  dnsStore: RecordStore;
  resolver: Resolver;
  binder?: PortBinder;
  log: Logger;
}

/**
 * Starts and stops containers on the host stack: namespace, veths and addresses from the bridge driver, `-p`
 * host ports, embedded DNS records and server, and the image's app. Stopping releases every endpoint, as
 * Docker deletes the sandbox on stop — so a restart may get another address.
 */
export class ContainerRuntime {
  constructor(private readonly deps: ContainerRuntimeDeps) {}

  /** Brings a created or exited container up; a failure leaves it torn down and rethrows. */
  start(rec: ContainerRecord): void {
    const ports = this.allocatePorts(rec);
    try {
      rec.ns = this.namespaceFor(rec);
      rec.nextIf = 0;
      rec.attachments.forEach((a, i) => this.attach(rec, a, i === 0 ? ports : []));
      rec.ports = ports;
    } catch (err) {
      for (const p of ports) this.deps.ports.release(p.protocol, p.hostPort);
      this.teardown(rec);
      throw err;
    }
    this.startApp(rec);
  }

  /** Opens the real listeners of the container's published ports (when the node has a loopback address). */
  async bindPorts(rec: ContainerRecord): Promise<void> {
    const binder = this.deps.binder;
    if (binder === undefined) return;
    for (const p of rec.ports) {
      try {
        await binder.open(p.hostPort, p.protocol);
      } catch (err) {
        this.teardown(rec);
        rec.state = 'created';
        const message = `driver failed programming external connectivity on endpoint ${rec.name}: Error starting userland proxy: listen ${p.protocol} 0.0.0.0:${p.hostPort}: bind: address already in use`;
        throw containerError(
          { code: 'CONTAINER_ERR_BIND_FAILED', container: rec.name, port: p.hostPort },
          message,
          err
        );
      }
    }
  }

  /** Stops the app and releases endpoints, DNS, ports and the namespace; safe on a partly started container. */
  teardown(rec: ContainerRecord): void {
    rec.process?.stop();
    rec.process = undefined;
    rec.dns?.close();
    rec.dns = undefined;
    for (const a of rec.attachments) this.detach(rec, a);
    for (const p of rec.ports) {
      this.deps.ports.release(p.protocol, p.hostPort);
      this.deps.binder?.close(p.hostPort, p.protocol);
    }
    rec.ports = [];
    if (rec.ns !== undefined && rec.mode.kind !== 'host' && rec.mode.kind !== 'container')
      this.deps.fabric.deleteNamespace(rec.ns.name);
    rec.ns = undefined;
    if (rec.state === 'running') rec.state = 'exited';
  }

  /** Creates the endpoint of one attachment in the running container (`docker network connect`). */
  attach(rec: ContainerRecord, a: Attachment, publish: PublishedPort[] = []): void {
    const ns = rec.ns!;
    const mappings: PortMapping[] = publish.map((p) => ({
      hostPort: p.hostPort,
      containerPort: p.containerPort,
      protocol: p.protocol
    }));
    const ifName = `eth${rec.nextIf}`;
    a.endpoint = this.deps.host.bridges.connect(ns, a.network.name, {
      ifName,
      publish: mappings,
      ...(a.ip === undefined ? {} : { ip: a.ip })
    });
    rec.nextIf++;
    if (!a.network.userDefined) return;
    const shortId = rec.id.slice(0, 12);
    this.deps.dnsStore.setEndpoint(a.network.id, rec.id, {
      name: rec.name,
      ip: a.endpoint.ip,
      aliases: [...a.aliases, shortId]
    });
    // Docker enables the resolver for endpoints on user-defined networks only (FIDELITY §5.1).
    rec.dns ??= new EmbeddedDns(ns, this.deps.resolver, () => this.dnsScopes(rec), this.deps.log);
  }

  /** Removes the endpoint of one attachment, releasing its address; the default route moves to another network. */
  detach(rec: ContainerRecord, a: Attachment): void {
    const ep = a.endpoint;
    if (ep === undefined) return;
    a.endpoint = undefined;
    this.deps.host.bridges.disconnect(ep);
    if (a.network.userDefined) this.deps.dnsStore.removeEndpoint(a.network.id, rec.id);
    const ns = rec.ns;
    if (ns === undefined || ns.routes.lookup('0.0.0.0') !== undefined) return;
    // libnetwork sb.updateGateway: the next endpoint that can provide a gateway takes the default route.
    const next = rec.attachments.find((x) => x.endpoint !== undefined && !x.endpoint.network.internal);
    if (next?.endpoint !== undefined) ns.routes.addDefault(next.endpoint.network.pool.gateway, next.endpoint.ifName);
  }

  private dnsScopes(rec: ContainerRecord): string[] {
    return rec.attachments.filter((a) => a.endpoint !== undefined && a.network.userDefined).map((a) => a.network.id);
  }

  private namespaceFor(rec: ContainerRecord): Namespace {
    const m = rec.mode;
    if (m.kind === 'host') return this.deps.host.ns;
    if (m.kind === 'container') {
      if (m.target.state !== 'running' || m.target.ns === undefined) throw notRunning(m.target.id);
      return m.target.ns;
    }
    return this.deps.fabric.createNamespace(`${this.deps.node}:${rec.name}`);
  }

  private startApp(rec: ContainerRecord): void {
    try {
      rec.process = rec.app.start({ ns: rec.ns!, hostname: rec.id.slice(0, 12), env: rec.env });
      rec.state = 'running';
      delete rec.error;
    } catch (err) {
      // The process exited at once (e.g. its port is taken in a shared namespace): the container is exited.
      this.teardown(rec);
      rec.state = 'exited';
      rec.error = err instanceof Error ? err.message : String(err);
      this.deps.log.warn({ container: rec.name, err }, 'container exited at start');
    }
  }

  // Only bridge-mode containers publish; host-mode ports are the app's own (Docker discards -p there).
  private allocatePorts(rec: ContainerRecord): PublishedPort[] {
    if (rec.mode.kind !== 'bridge' || rec.attachments.length === 0) return [];
    const out: PublishedPort[] = [];
    try {
      for (const spec of rec.publish) {
        const protocol = spec.protocol ?? 'tcp';
        out.push({
          hostIp: '0.0.0.0',
          hostPort: this.deps.ports.allocate(protocol, spec.hostPort),
          containerPort: spec.containerPort,
          protocol
        });
      }
    } catch (err) {
      for (const p of out) this.deps.ports.release(p.protocol, p.hostPort);
      throw portError(rec.name, err);
    }
    return out;
  }
}

/** CONTAINER_ERR_NOT_RUNNING for `--network container:<id>`. */
export function notRunning(id: string): Error {
  return containerError(
    { code: 'CONTAINER_ERR_NOT_RUNNING', container: id },
    `cannot join network of a non running container: ${id}`
  );
}

function portError(container: string, err: unknown): unknown {
  if (!(err instanceof DriverError)) return err;
  const port = err.type.port;
  if (err.code === 'DRIVER_ERR_PORT_ALLOCATED')
    return containerError({ code: 'CONTAINER_ERR_PORT_ALLOCATED', container, port }, err.message, err);
  return containerError({ code: 'CONTAINER_ERR_PORTS_EXHAUSTED', container }, err.message, err);
}

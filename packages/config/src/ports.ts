import { parseIpv4 } from '@swarmsim/addr';
import type { ContainerPublishSpec, PortProtocol, PortSpec } from './types.js';

/** A parse result: the value or why it was refused. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly detail: string };

const PORT_TEXT = /^[1-9]\d{0,4}$/;
const PROTOCOLS: readonly string[] = ['tcp', 'udp', 'sctp'];

/** True for an integer in 1..65535 (0 is Docker's "pick one", which a config says by leaving the port out). */
export function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

function portOf(text: string): number | undefined {
  return PORT_TEXT.test(text) && isPort(Number(text)) ? Number(text) : undefined;
}

function splitProtocol(text: string): { rest: string; protocol: PortProtocol | undefined } {
  const slash = text.lastIndexOf('/');
  if (slash < 0) return { rest: text, protocol: 'tcp' };
  const proto = text.slice(slash + 1);
  return { rest: text.slice(0, slash), protocol: PROTOCOLS.includes(proto) ? (proto as PortProtocol) : undefined };
}

/** Service short form `[published:]target[/proto]` (`docker service create -p 8080:80`), ingress mode. */
export function parseServicePort(text: string): Parsed<PortSpec> {
  const { rest, protocol } = splitProtocol(text);
  if (protocol === undefined)
    return { ok: false, detail: `invalid protocol in port '${text}': expected tcp, udp or sctp` };
  const parts = rest.split(':');
  const target = portOf(parts[parts.length - 1] ?? '');
  const published = parts.length === 2 ? portOf(parts[0] ?? '') : undefined;
  if (parts.length > 2 || target === undefined || (parts.length === 2 && published === undefined)) {
    return {
      ok: false,
      detail: `invalid port '${text}': expected [published:]target[/protocol] with ports in 1..65535`
    };
  }
  const base = { target, protocol, mode: 'ingress' as const };
  return { ok: true, value: published === undefined ? base : { published, ...base } };
}

/** Container short form `[hostIp:][hostPort:]containerPort[/proto]` (`docker run -p`). */
export function parseContainerPublish(text: string): Parsed<ContainerPublishSpec> {
  const { rest, protocol } = splitProtocol(text);
  if (protocol === undefined)
    return { ok: false, detail: `invalid protocol in port '${text}': expected tcp, udp or sctp` };
  const parts = rest.split(':');
  const containerPort = portOf(parts[parts.length - 1] ?? '');
  const hostText = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
  const hostPort = hostText === '' ? undefined : portOf(hostText);
  const hostIp = parts.length === 3 ? (parts[0] ?? '') : undefined;
  const bad =
    parts.length > 3 ||
    containerPort === undefined ||
    (hostText !== '' && hostPort === undefined) ||
    (parts.length === 2 && hostText === '') ||
    (hostIp !== undefined && parseIpv4(hostIp) === undefined);
  if (bad)
    return { ok: false, detail: `invalid port '${text}': expected [hostIp:][hostPort:]containerPort[/protocol]` };
  return {
    ok: true,
    value: {
      ...(hostIp === undefined ? {} : { hostIp }),
      ...(hostPort === undefined ? {} : { hostPort }),
      containerPort: containerPort,
      protocol
    }
  };
}

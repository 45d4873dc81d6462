import { AddrError, IpamError } from '@swarmsim/addr';
import { AppError } from '@swarmsim/apps';
import { DnsError } from '@swarmsim/dns';
import { DriverError } from '@swarmsim/drivers';
import { GossipError } from '@swarmsim/gossip';
import { SwarmsimError, TransportError } from '@swarmsim/interface';
import { NetfilterError, NetmodelError, TcpError } from '@swarmsim/netmodel';
import { SwarmError } from '@swarmsim/swarm';
import { ContainerError } from './containers/errors.js';
import { NodeError, RemoteError } from './errors.js';

/** A coded error as plain data, so it can cross a thread (structured clone) and be rebuilt as the same class. */
export interface CodedErrorData {
  /** The class name (`SwarmError`, `ContainerError` …). */
  name: string;
  code: string;
  /** The error's `type`: its code and metadata. */
  type: { code: string } & Record<string, unknown>;
  message: string;
}

type ErrorClass = abstract new (...args: never[]) => SwarmsimError;

// Every class a node's calls can throw. A class missing here still crosses with its code, as a RemoteError.
const KNOWN: readonly ErrorClass[] = [
  SwarmError,
  ContainerError,
  NodeError,
  DriverError,
  IpamError,
  AddrError,
  NetmodelError,
  NetfilterError,
  TcpError,
  AppError,
  DnsError,
  GossipError,
  TransportError
];
const BY_NAME = new Map(KNOWN.map((c) => [c.name, c]));

/** The plain-data form of `err`; undefined for anything that is not a SwarmsimError. */
export function toCodedErrorData(err: unknown): CodedErrorData | undefined {
  if (!(err instanceof SwarmsimError)) return undefined;
  return { name: err.name, code: err.code, type: plainType(err.type), message: err.message };
}

/**
 * Rebuilds a coded error received from a node thread as the class that threw it, with the same `code`, `type`
 * and message, so callers catch the same class whichever runtime the node lives in. The subclass constructor is
 * not re-run (its message was already made on the other side): the base constructor runs with the class as
 * `new.target`, which sets the prototype and `name`.
 */
export function fromCodedErrorData(data: CodedErrorData, node: string): SwarmsimError {
  const cls = BY_NAME.get(data.name);
  if (cls === undefined) return new RemoteError({ code: data.code, node }, data.message);
  return Reflect.construct(SwarmsimError, [data.type, data.message], cls) as SwarmsimError;
}

// Only data survives structured clone; a metadata value that is a function or class instance would throw there.
function plainType(type: { code: string }): CodedErrorData['type'] {
  try {
    return structuredClone(type) as CodedErrorData['type'];
  } catch {
    return { code: type.code };
  }
}

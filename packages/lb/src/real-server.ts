import { ipv4ToUint } from './address.js';
import { lbError } from './errors.js';
import type { ForwardMethod, RealServerInfo, ServerSpec, ServerUpdate } from './types.js';

const MAX_WEIGHT = 2147483647;

function checkWeight(weight: number): void {
  if (!Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT)
    throw lbError({ code: 'LB_ERR_INVALID_WEIGHT', weight });
}

function checkThresholds(upper: number, lower: number): void {
  const bad = (n: number) => !Number.isInteger(n) || n < 0;
  // ip_vs_ctl.c: "lower threshold is higher than upper threshold" → EINVAL
  if (bad(upper) || bad(lower) || (upper > 0 && lower > upper))
    throw lbError({ code: 'LB_ERR_INVALID_THRESHOLD', upper, lower });
}

/** A destination of a virtual service (struct ip_vs_dest): weight, counters and the overload flag. */
export class RealServer implements RealServerInfo {
  readonly ip: string;
  readonly port: number;
  /** The address as a number, for hashing and ipvsadm's sort. */
  readonly addr: number;
  weight: number;
  /** Last non-zero weight: Maglev keeps a drained server's slots by it (dest->last_weight). */
  lastWeight: number;
  forward: ForwardMethod;
  activeConns = 0;
  inactConns = 0;
  upperThreshold: number;
  lowerThreshold: number;
  overloaded = false;
  removed = false;

  constructor(spec: ServerSpec) {
    this.ip = spec.ip;
    this.addr = ipv4ToUint(spec.ip);
    this.port = spec.port ?? 0;
    this.weight = spec.weight ?? 1;
    checkWeight(this.weight);
    this.lastWeight = this.weight;
    this.forward = spec.forward ?? 'masq';
    this.upperThreshold = spec.upperThreshold ?? 0;
    this.lowerThreshold = spec.lowerThreshold ?? 0;
    checkThresholds(this.upperThreshold, this.lowerThreshold);
  }

  /** `ip:port`, the destination's identity inside a service. */
  get id(): string {
    return `${this.ip}:${this.port}`;
  }

  /** Applies an ipvsadm -e edit; the overload flag is cleared as __ip_vs_update_dest does. */
  update(change: ServerUpdate): void {
    const weight = change.weight ?? this.weight;
    checkWeight(weight);
    const upper = change.upperThreshold ?? this.upperThreshold;
    const lower = change.lowerThreshold ?? this.lowerThreshold;
    checkThresholds(upper, lower);
    this.weight = weight;
    if (weight > 0) this.lastWeight = weight;
    this.forward = change.forward ?? this.forward;
    this.upperThreshold = upper;
    this.lowerThreshold = lower;
    this.overloaded = false;
  }

  /** Usable for a new flow: weight > 0 and not overloaded (the schedulers' common test). */
  get available(): boolean {
    return this.weight > 0 && !this.overloaded;
  }

  /** ip_vs_dest_conn_overhead: an active connection costs 256 inactive ones. */
  get overhead(): number {
    return this.activeConns * 256 + this.inactConns;
  }

  /** ip_vs_bind_dest: count a new connection and raise the overload flag at the upper threshold. */
  bind(active: boolean): void {
    if (active) this.activeConns++;
    else this.inactConns++;
    if (this.upperThreshold !== 0 && this.activeConns + this.inactConns >= this.upperThreshold) this.overloaded = true;
  }

  /** ip_vs_unbind_dest: uncount a connection and clear the overload flag below the lower threshold. */
  unbind(active: boolean): void {
    if (active) this.activeConns--;
    else this.inactConns--;
    const total = this.activeConns + this.inactConns;
    if (this.lowerThreshold !== 0) {
      if (total < this.lowerThreshold) this.overloaded = false;
    } else if (this.upperThreshold !== 0) {
      if (total * 4 < this.upperThreshold * 3) this.overloaded = false;
    } else {
      this.overloaded = false;
    }
  }

  /** Moves one connection between the active and inactive counters (a TCP state change). */
  shift(toActive: boolean): void {
    if (toActive) {
      this.inactConns--;
      this.activeConns++;
    } else {
      this.activeConns--;
      this.inactConns++;
    }
  }
}

import { prefixMask } from '@swarmsim/addr';
import { ipv4ToUint32, uint32ToIpv4 } from '@swarmsim/packet';
import { NetmodelError } from '../errors.js';

/** One route, as `ip route` prints it. */
export interface Route {
  /** Destination network address (dotted quad). */
  network: string;
  prefixLength: number;
  /** Outgoing interface name. */
  dev: string;
  /** Next hop; absent for directly connected networks. */
  via?: string;
  /** Preferred source address. */
  src?: string;
  metric: number;
  /** `kernel` for connected routes added with an address, `static` for routes added by hand. */
  protocol: 'kernel' | 'static';
  scope: 'link' | 'global';
}

interface CompiledRoute {
  route: Route;
  net: number;
  mask: number;
}

/** The main routing table of a namespace: longest-prefix match, then lowest metric. */
export class RouteTable {
  private compiled: CompiledRoute[] = [];

  /** Adds a route (`ip route add`); `network` host bits are cleared. */
  add(
    route: Omit<Route, 'metric' | 'protocol' | 'scope'> & Partial<Pick<Route, 'metric' | 'protocol' | 'scope'>>
  ): Route {
    if (!Number.isInteger(route.prefixLength) || route.prefixLength < 0 || route.prefixLength > 32) {
      throw new NetmodelError(
        { code: 'NETMODEL_ERR_BAD_ADDRESS', address: `${route.network}/${route.prefixLength}` },
        `bad prefix length ${route.prefixLength}`
      );
    }
    const mask = prefixMask(route.prefixLength);
    const net = (ipv4ToUint32(route.network) & mask) >>> 0;
    const full: Route = {
      metric: 0,
      protocol: 'static',
      scope: route.via === undefined ? 'link' : 'global',
      ...route,
      network: uint32ToIpv4(net)
    };
    this.compiled.push({ route: full, net, mask });
    // Most specific first, then lowest metric: lookup takes the first usable match.
    this.compiled.sort((a, b) => b.route.prefixLength - a.route.prefixLength || a.route.metric - b.route.metric);
    return full;
  }

  /** Adds `default via GW dev DEV`. */
  addDefault(via: string, dev: string): Route {
    return this.add({ network: '0.0.0.0', prefixLength: 0, via, dev });
  }

  /** Removes routes matching every given field. */
  remove(match: Partial<Route>): number {
    const before = this.compiled.length;
    this.compiled = this.compiled.filter(
      (c) => !Object.entries(match).every(([k, v]) => c.route[k as keyof Route] === v)
    );
    return before - this.compiled.length;
  }

  /** The best route to `dst` among those whose device `usable` accepts. */
  lookup(dst: string | number, usable: (dev: string) => boolean = () => true): Route | undefined {
    const ip = typeof dst === 'number' ? dst : ipv4ToUint32(dst);
    for (const c of this.compiled) {
      if ((ip & c.mask) >>> 0 === c.net && usable(c.route.dev)) return c.route;
    }
    return undefined;
  }

  /** All routes, most specific first. */
  list(): Route[] {
    return this.compiled.map((c) => c.route);
  }
}

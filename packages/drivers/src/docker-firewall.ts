import type { Netfilter } from '@swarmsim/netmodel';

/**
 * Docker's iptables skeleton on a host (FIDELITY §6; libnetwork iptabler): nat DOCKER reached for local
 * destinations, filter FORWARD policy DROP through DOCKER-USER and the two isolation stages.
 */
export function installDockerChains(nf: Netfilter): void {
  nf.exec('-t nat -N DOCKER');
  nf.exec('-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER');
  // Loopback destinations are left to the userland proxy (userland-proxy=true, Docker's default).
  nf.exec('-t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER');
  for (const chain of ['DOCKER', 'DOCKER-ISOLATION-STAGE-1', 'DOCKER-ISOLATION-STAGE-2', 'DOCKER-USER']) {
    nf.exec(`-t filter -N ${chain}`);
  }
  nf.exec('-t filter -P FORWARD DROP');
  nf.exec('-t filter -A FORWARD -j DOCKER-USER');
  nf.exec('-t filter -A FORWARD -j DOCKER-ISOLATION-STAGE-1');
  nf.exec('-t filter -A DOCKER-USER -j RETURN');
  nf.exec('-t filter -A DOCKER-ISOLATION-STAGE-1 -j RETURN');
  nf.exec('-t filter -A DOCKER-ISOLATION-STAGE-2 -j RETURN');
}

/** The rules one bridge network adds: masquerade out, conntrack return path, icc, isolation. */
export function installBridgeRules(nf: Netfilter, bridge: string, subnet: string, opts: { icc: boolean; masquerade: boolean }): void {
  if (opts.masquerade) nf.exec(`-t nat -A POSTROUTING -s ${subnet} ! -o ${bridge} -j MASQUERADE`);
  nf.exec(`-t nat -I DOCKER -i ${bridge} -j RETURN`);
  nf.exec(`-t filter -A FORWARD -o ${bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`);
  nf.exec(`-t filter -A FORWARD -o ${bridge} -j DOCKER`);
  nf.exec(`-t filter -A FORWARD -i ${bridge} ! -o ${bridge} -j ACCEPT`);
  nf.exec(`-t filter -A FORWARD -i ${bridge} -o ${bridge} -j ${opts.icc ? 'ACCEPT' : 'DROP'}`);
  nf.exec(`-t filter -I DOCKER-ISOLATION-STAGE-1 -i ${bridge} ! -o ${bridge} -j DOCKER-ISOLATION-STAGE-2`);
  nf.exec(`-t filter -I DOCKER-ISOLATION-STAGE-2 -o ${bridge} -j DROP`);
}

/** The two rules behind `-p H:C` (iptabler/port.go): DNAT in nat DOCKER, ACCEPT in filter DOCKER. */
export function publishRules(bridge: string, ip: string, protocol: 'tcp' | 'udp', hostPort: number, containerPort: number): string[] {
  return [
    `-t nat DOCKER ! -i ${bridge} -p ${protocol} --dport ${hostPort} -j DNAT --to-destination ${ip}:${containerPort}`,
    `-t filter DOCKER -d ${ip}/32 ! -i ${bridge} -o ${bridge} -p ${protocol} --dport ${containerPort} -j ACCEPT`
  ];
}

/** Applies (`-A`) or removes (`-D`) rules written as `-t TABLE CHAIN …`. */
export function applyRules(nf: Netfilter, rules: string[], action: '-A' | '-D'): void {
  for (const rule of rules) {
    const [, table, chain, ...rest] = rule.split(' ');
    nf.exec(`-t ${table} ${action} ${chain} ${rest.join(' ')}`);
  }
}

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

/**
 * The rules one bridge network adds — masquerade out, conntrack return path, icc, isolation — as iptables
 * commands (`-t TABLE -A|-I CHAIN …`); {@link removeRules} takes them out again on `docker network rm`.
 */
export function bridgeRules(bridge: string, subnet: string, opts: { icc: boolean; masquerade: boolean }): string[] {
  return [
    ...(opts.masquerade ? [`-t nat -A POSTROUTING -s ${subnet} ! -o ${bridge} -j MASQUERADE`] : []),
    `-t nat -I DOCKER -i ${bridge} -j RETURN`,
    `-t filter -A FORWARD -o ${bridge} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
    `-t filter -A FORWARD -o ${bridge} -j DOCKER`,
    `-t filter -A FORWARD -i ${bridge} ! -o ${bridge} -j ACCEPT`,
    `-t filter -A FORWARD -i ${bridge} -o ${bridge} -j ${opts.icc ? 'ACCEPT' : 'DROP'}`,
    `-t filter -I DOCKER-ISOLATION-STAGE-1 -i ${bridge} ! -o ${bridge} -j DOCKER-ISOLATION-STAGE-2`,
    `-t filter -I DOCKER-ISOLATION-STAGE-2 -o ${bridge} -j DROP`
  ];
}

/** `--internal` (libnetwork setINC): nothing leaves or enters the subnet through the bridge. */
export function internalRules(bridge: string, subnet: string): string[] {
  return [
    `-t filter -I DOCKER-ISOLATION-STAGE-1 ! -s ${subnet} -o ${bridge} -j DROP`,
    `-t filter -I DOCKER-ISOLATION-STAGE-1 -i ${bridge} ! -d ${subnet} -j DROP`
  ];
}

/** The two rules behind `-p H:C` (iptabler/port.go): DNAT in nat DOCKER, ACCEPT in filter DOCKER. */
export function publishRules(
  bridge: string,
  ip: string,
  protocol: 'tcp' | 'udp',
  hostPort: number,
  containerPort: number
): string[] {
  return [
    `-t nat -A DOCKER ! -i ${bridge} -p ${protocol} --dport ${hostPort} -j DNAT --to-destination ${ip}:${containerPort}`,
    `-t filter -A DOCKER -d ${ip}/32 ! -i ${bridge} -o ${bridge} -p ${protocol} --dport ${containerPort} -j ACCEPT`
  ];
}

/** Runs iptables commands in order. */
export function applyRules(nf: Netfilter, rules: readonly string[]): void {
  for (const rule of rules) nf.exec(rule);
}

/** Deletes rules added by {@link applyRules} (`-A`/`-I` become `-D`), newest first. */
export function removeRules(nf: Netfilter, rules: readonly string[]): void {
  for (const rule of [...rules].reverse()) nf.exec(rule.replace(/ -[AI] /, ' -D '));
}

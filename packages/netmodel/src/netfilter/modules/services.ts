// A slice of Debian's /etc/services (netbase): what iptables resolves `--dport http` with and prints without -n.
const SERVICES: Readonly<Record<'tcp' | 'udp', ReadonlyMap<string, number>>> = {
  tcp: new Map([
    ['ftp-data', 20],
    ['ftp', 21],
    ['ssh', 22],
    ['telnet', 23],
    ['smtp', 25],
    ['domain', 53],
    ['http', 80],
    ['pop3', 110],
    ['imap2', 143],
    ['https', 443],
    ['mysql', 3306],
    ['postgresql', 5432],
    ['http-alt', 8080]
  ]),
  udp: new Map([
    ['domain', 53],
    ['bootps', 67],
    ['bootpc', 68],
    ['tftp', 69],
    ['ntp', 123],
    ['snmp', 161]
  ])
};

/** getservbyname: the port of a service name for `proto`, if known. */
export function serviceToPort(name: string, proto: 'tcp' | 'udp'): number | undefined {
  return SERVICES[proto].get(name);
}

/** getservbyport: the service name of a port for `proto`, if known. */
export function portToService(port: number, proto: 'tcp' | 'udp'): string | undefined {
  for (const [name, p] of SERVICES[proto]) if (p === port) return name;
  return undefined;
}

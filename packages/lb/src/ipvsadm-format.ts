import type { Connection } from './connection.js';
import type { RealServer } from './real-server.js';
import type { VirtualService } from './virtual-service.js';

// Layouts follow ipvsadm.c: print_title, print_service_entry ("%s %s"; the service name cut at 33
// characters, destinations at 28), the destination row "  -> %-28s %-7s %-6d %-10u %-10u\n" (so rows
// end in padding spaces, as the real tool's do), and list_conn/print_conn for -Lnc.

const FORWARD_NAMES = { masq: 'Masq', droute: 'Route', tunnel: 'Tunnel' } as const;

function pad(s: string | number, width: number): string {
  return String(s).padEnd(width);
}

/** libipvs ipvs_cmp_services: fwmark, protocol, address, port; differences taken as C int (wrapping). */
function compareServices(a: VirtualService, b: VirtualService): number {
  const pa = a.key.protocol === 'udp' ? 17 : 6;
  const pb = b.key.protocol === 'udp' ? 17 : 6;
  return a.fwmark - b.fwmark || pa - pb || (a.key.addr - b.key.addr) | 0 || a.key.port - b.key.port;
}

/** libipvs ipvs_cmp_dests: address, then port, with the same C int wrap on the address difference. */
function compareDests(a: RealServer, b: RealServer): number {
  return (a.addr - b.addr) | 0 || a.port - b.port;
}

function schedFlags(svc: VirtualService): string {
  if (svc.scheduler !== 'sh' && svc.scheduler !== 'mh') return '';
  const flags = [svc.fallback ? `${svc.scheduler}-fallback` : '', svc.hashPort ? `${svc.scheduler}-port` : ''].filter(
    Boolean
  );
  return flags.length > 0 ? ` (${flags.join(',')})` : '';
}

function serviceLine(svc: VirtualService): string {
  const name =
    svc.fwmark !== 0
      ? `FWM  ${svc.fwmark}`
      : `${svc.key.protocol!.toUpperCase()}  ${svc.key.vip}:${svc.key.port}`.slice(0, 33);
  return `${name} ${svc.scheduler}${schedFlags(svc)}`;
}

function destLine(d: RealServer): string {
  const name = `${d.ip}:${d.port}`.slice(0, 28);
  return `  -> ${pad(name, 28)} ${pad(FORWARD_NAMES[d.forward], 7)} ${pad(d.weight, 6)} ${pad(d.activeConns, 10)} ${pad(d.inactConns, 10)}`;
}

/** `ipvsadm -Ln`: header, then every service and its destinations, both sorted as ipvsadm sorts them. */
export function formatServices(services: Iterable<VirtualService>, connTableSize: number): string {
  const lines = [
    `IP Virtual Server version 1.2.1 (size=${connTableSize})`,
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn'
  ];
  for (const svc of [...services].sort(compareServices)) {
    lines.push(serviceLine(svc));
    for (const d of [...svc.dests].sort(compareDests)) lines.push(destLine(d));
  }
  return `${lines.join('\n')}\n`;
}

/** `ipvsadm -Lnc`: one row per connection; `expire` is the remaining time as mm:ss, rounded down. */
export function formatConnections(conns: Iterable<Connection>, now: number): string {
  const lines = [
    'IPVS connection entries',
    `pro expire ${pad('state', 11)} ${pad('source', 18)} ${pad('virtual', 18)} destination`
  ];
  for (const c of conns) {
    const left = Math.max(0, Math.floor((c.expiresAt - now) / 1000));
    const expire = `${String(Math.floor(left / 60)).padStart(2, '0')}:${String(left % 60).padStart(2, '0')}`;
    const source = `${c.clientIp}:${c.clientPort}`;
    const virtual = `${c.vip}:${c.vport}`;
    lines.push(
      `${pad(c.protocol.toUpperCase(), 3)} ${pad(expire, 6)} ${pad(c.state, 11)} ${pad(source, 18)} ${pad(virtual, 18)} ${c.destIp}:${c.destPort}`
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `ipvsadm -L --timeout`. */
export function formatTimeouts(t: { tcp: number; tcpfin: number; udp: number }): string {
  return `Timeout (tcp tcpfin udp): ${t.tcp} ${t.tcpfin} ${t.udp}\n`;
}

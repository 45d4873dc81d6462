import type { VxlanInterface } from '../link/vxlan.js';

/**
 * The `vxlan …` line `ip -d link show vxlan0` prints under the link line (iproute2 ≥ 6.4 `vxlan_print_opt`: only
 * flags that differ from their default, no `reserved_bits` from kernels before 6.14), e.g. Docker's
 * `    vxlan id 4097 srcport 0 0 dstport 4789 ttl auto ageing 300 proxy l2miss l3miss `. The rest of `ip -d link`
 * (promiscuity, `bridge_slave …`, queue counts) is not modelled.
 */
export function vxlanLinkInfo(dev: VxlanInterface): string {
  const c = dev.config;
  const parts = [`vxlan id ${c.vni}`];
  if (c.local !== undefined) parts.push(`local ${c.local}`);
  // IFLA_VXLAN_PORT_RANGE is always dumped; 0 0 means "the local port range".
  parts.push('srcport 0 0', `dstport ${c.port}`);
  parts.push(c.ttl === 0 ? 'ttl auto' : `ttl ${c.ttl}`);
  if (c.df !== 'unset') parts.push(`df ${c.df}`);
  parts.push(`ageing ${c.ageingSeconds}`);
  const flags: [string, boolean, boolean][] = [
    ['learning', c.learning, true],
    ['proxy', c.proxy, false],
    ['l2miss', c.l2miss, false],
    ['l3miss', c.l3miss, false],
    ['udp_csum', c.udpChecksum, true],
    ['localbypass', c.localBypass, true]
  ];
  for (const [key, value, byDefault] of flags) if (value !== byDefault) parts.push(`${value ? '' : 'no'}${key}`);
  return `    ${parts.join(' ')} `;
}

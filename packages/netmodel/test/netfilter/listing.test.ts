import { describe, expect, it } from 'vitest';
import { DOCKER_NAT_RULES, makeNetfilter, tcp } from './helpers.js';

const lines = (...l: string[]): string => l.map((x) => `${x}\n`).join('');

describe('iptables -L / -S / iptables-save text', () => {
  it('reproduces a real `iptables -t nat -L --line-numbers` of a fresh Docker host, trailing blanks included', () => {
    const { nf } = makeNetfilter();
    for (const rule of DOCKER_NAT_RULES.slice(0, 5)) nf.exec(rule);
    // Captured from a Docker host (iptables 1.8, legacy): every header line ends in blanks, as printf pads it.
    const header = 'num  target     prot opt source               destination         ';
    expect(nf.exec('-t nat -L --line-numbers')).toBe(
      lines(
        'Chain PREROUTING (policy ACCEPT)',
        header,
        '1    DOCKER     all  --  anywhere             anywhere             ADDRTYPE match dst-type LOCAL',
        '',
        'Chain INPUT (policy ACCEPT)',
        header,
        '',
        'Chain OUTPUT (policy ACCEPT)',
        header,
        '1    DOCKER     all  --  anywhere            !127.0.0.0/8          ADDRTYPE match dst-type LOCAL',
        '',
        'Chain POSTROUTING (policy ACCEPT)',
        header,
        '1    MASQUERADE  all  --  172.17.0.0/16        anywhere            ',
        '',
        'Chain DOCKER (2 references)',
        header,
        '1    RETURN     all  --  anywhere             anywhere            '
      )
    );
  });

  it('prints `iptables -t nat -L -nv` with counters after a published-port connection', () => {
    const { nf } = makeNetfilter();
    for (const rule of DOCKER_NAT_RULES) nf.exec(rule);
    const syn = tcp('192.168.99.1', 50000, '192.168.99.100', 8080, 'S', { inIf: 'eth0' });
    nf.hook('PREROUTING', syn);
    syn.outIf = 'docker0';
    nf.hook('FORWARD', syn);
    nf.hook('POSTROUTING', syn);
    const header = ' pkts bytes target     prot opt in     out     source               destination         ';
    expect(nf.list('nat', { verbose: true, numeric: true })).toBe(
      lines(
        'Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)',
        header,
        '    1    40 DOCKER     all  --  *      *       0.0.0.0/0            0.0.0.0/0            ADDRTYPE match dst-type LOCAL',
        '',
        'Chain INPUT (policy ACCEPT 0 packets, 0 bytes)',
        header,
        '',
        'Chain OUTPUT (policy ACCEPT 0 packets, 0 bytes)',
        header,
        '    0     0 DOCKER     all  --  *      *       0.0.0.0/0           !127.0.0.0/8          ADDRTYPE match dst-type LOCAL',
        '',
        'Chain POSTROUTING (policy ACCEPT 1 packets, 40 bytes)',
        header,
        '    0     0 MASQUERADE  all  --  *      !docker0  172.17.0.0/16        0.0.0.0/0           ',
        '',
        'Chain DOCKER (2 references)',
        header,
        '    0     0 RETURN     all  --  docker0 *       0.0.0.0/0            0.0.0.0/0           ',
        '    1    40 DNAT       tcp  --  !docker0 *       0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 to:172.17.0.2:80'
      )
    );
    expect(nf.exec('-t nat -nvL DOCKER')).toBe(nf.list('nat', { chain: 'DOCKER', verbose: true, numeric: true }));
    // Without -n, ports go through /etc/services and /0 becomes "anywhere".
    expect(nf.exec('-t nat -L DOCKER').split('\n')[3]).toBe(
      'DNAT       tcp  --  anywhere             anywhere             tcp dpt:http-alt to:172.17.0.2:80'
    );
    expect(nf.exec('-t nat -L DOCKER -v').split('\n')[3]).toContain(
      '   40 DNAT       tcp  --  !docker0 any     anywhere '
    );
  });

  it('prints -S exactly as Docker hosts show it (implicit -m tcp, /32 masks, target options)', () => {
    const { nf } = makeNetfilter();
    for (const rule of DOCKER_NAT_RULES) nf.exec(rule);
    nf.exec('-t nat -A POSTROUTING -s 172.17.0.2 -d 172.17.0.2 -p tcp --dport 80 -j MASQUERADE');
    expect(nf.exec('iptables -t nat -S')).toBe(
      lines(
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
        '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
        '-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
        '-A DOCKER -i docker0 -j RETURN',
        '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80'
      )
    );
    expect(nf.exec('-t nat -S DOCKER 2')).toBe(
      lines('-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80')
    );
  });

  it('round-trips the filter rules Docker installs, with their -L match text', () => {
    const { nf } = makeNetfilter();
    const rules = [
      '-N DOCKER-USER',
      '-N DOCKER-ISOLATION-STAGE-1',
      '-N DOCKER-ISOLATION-STAGE-2',
      '-N DOCKER',
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -o docker0 -j DOCKER',
      '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
      '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
      '-A DOCKER-USER -j RETURN'
    ];
    for (const r of rules) nf.exec(r);
    nf.setPolicy('filter', 'FORWARD', 'DROP');
    const saved = nf.exec('-S').split('\n');
    expect(saved).toContain('-P FORWARD DROP');
    for (const r of rules.filter((x) => x.startsWith('-A'))) expect(saved).toContain(r);
    expect(nf.exec('-L FORWARD -n')).toContain(
      'ACCEPT     all  --  0.0.0.0/0            0.0.0.0/0            ctstate RELATED,ESTABLISHED\n'
    );
    expect(nf.exec('-L DOCKER -n')).toContain(
      'ACCEPT     tcp  --  0.0.0.0/0            172.17.0.2           tcp dpt:80\n'
    );
    expect(nf.exec('-L -n').split('\n')).toContain('Chain DOCKER-ISOLATION-STAGE-2 (1 references)');
  });

  it('prints MARK, REDIRECT, SNAT, icmp and state matches like their xtables extensions', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t mangle -A PREROUTING -p tcp --dport 8080 -j MARK --set-mark 256');
    nf.exec('-t nat -A PREROUTING -d 10.0.0.5/32 -p tcp -m tcp --dport 8080 -j REDIRECT --to-port 80');
    nf.exec('-t nat -A POSTROUTING -d 10.0.1.0/24 -j SNAT --to-source 10.0.1.3');
    nf.exec('-A INPUT -p icmp --icmp-type echo-request -j ACCEPT');
    nf.exec('-A INPUT -p tcp --sport 8080 -m state --state ESTABLISHED,RELATED -j ACCEPT');
    nf.exec('-A INPUT -m mark ! --mark 0x1/0xff -j DROP');
    expect(nf.exec('-t mangle -L PREROUTING -n')).toContain(
      'MARK       tcp  --  0.0.0.0/0            0.0.0.0/0            tcp dpt:8080 MARK set 0x100\n'
    );
    expect(nf.exec('-t mangle -S PREROUTING')).toContain(
      '-A PREROUTING -p tcp -m tcp --dport 8080 -j MARK --set-xmark 0x100/0xffffffff\n'
    );
    expect(nf.exec('-t nat -L PREROUTING -n')).toContain('tcp dpt:8080 redir ports 80\n');
    expect(nf.exec('-t nat -S PREROUTING')).toContain('-j REDIRECT --to-ports 80\n');
    expect(nf.exec('-t nat -L POSTROUTING -n')).toContain(
      'SNAT       all  --  0.0.0.0/0            10.0.1.0/24          to:10.0.1.3\n'
    );
    const input = nf.exec('-L INPUT -n');
    expect(input).toContain('ACCEPT     icmp --  0.0.0.0/0            0.0.0.0/0            icmptype 8\n');
    expect(input).toContain('tcp spt:8080 state RELATED,ESTABLISHED\n');
    expect(input).toContain('DROP       all  --  0.0.0.0/0            0.0.0.0/0            mark match ! 0x1/0xff\n');
    expect(nf.exec('-L INPUT')).toContain('icmp echo-request\n');
    expect(nf.exec('-S INPUT')).toContain('-A INPUT -p icmp -m icmp --icmp-type 8 -j ACCEPT\n');
    expect(nf.exec('-S INPUT')).toContain('-A INPUT -m mark ! --mark 0x1/0xff -j DROP\n');
  });

  it('parses quoted comments and prints them as iptables does', () => {
    const { nf } = makeNetfilter();
    nf.exec(`-A INPUT -p tcp --dport 2377 -m comment --comment "swarm control plane" -j ACCEPT`);
    nf.append('filter', 'INPUT', nf.parseRule(['-m', 'comment', '--comment', 'gossip_7946', '-j', 'ACCEPT']));
    expect(nf.exec('-L INPUT -n')).toContain('tcp dpt:2377 /* swarm control plane */\n');
    expect(nf.exec('-S INPUT')).toBe(
      lines(
        '-P INPUT ACCEPT',
        '-A INPUT -p tcp -m tcp --dport 2377 -m comment --comment "swarm control plane" -j ACCEPT',
        '-A INPUT -m comment --comment gossip_7946 -j ACCEPT'
      )
    );
    nf.delete('filter', 'INPUT', '-m comment --comment gossip_7946 -j ACCEPT');
    expect(nf.rules('filter', 'INPUT')).toHaveLength(1);
  });

  it('abbreviates big counters like iptables (K, M) unless -x', () => {
    const { nf } = makeNetfilter();
    nf.exec('-A INPUT -j ACCEPT');
    const entry = nf.rules('filter', 'INPUT')[0]!;
    entry.counters.packets = 123_456;
    entry.counters.bytes = 98_765_432;
    expect(nf.exec('-L INPUT -nv').split('\n')[2]).toBe(
      ' 123K   99M ACCEPT     all  --  *      *       0.0.0.0/0            0.0.0.0/0           '
    );
    expect(nf.exec('-L INPUT -nvx').split('\n')[2]).toBe(
      '  123456 98765432 ACCEPT     all  --  *      *       0.0.0.0/0            0.0.0.0/0           '
    );
  });

  it('writes iptables-save for the tables in use', () => {
    const { nf } = makeNetfilter();
    nf.exec('-t nat -N DOCKER');
    nf.exec('-t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER');
    nf.exec('-P FORWARD DROP');
    expect(nf.save()).toBe(
      lines(
        '*filter',
        ':INPUT ACCEPT [0:0]',
        ':FORWARD DROP [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        'COMMIT',
        '*nat',
        ':PREROUTING ACCEPT [0:0]',
        ':INPUT ACCEPT [0:0]',
        ':OUTPUT ACCEPT [0:0]',
        ':POSTROUTING ACCEPT [0:0]',
        ':DOCKER - [0:0]',
        '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
        'COMMIT'
      )
    );
  });
});

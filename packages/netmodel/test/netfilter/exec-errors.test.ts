import { describe, expect, it } from 'vitest';
import { NetfilterError, type MatchModule, type NetfilterErrorType } from '../../src/netfilter/index.js';
import { makeNetfilter } from './helpers.js';

function failure(run: () => unknown): NetfilterErrorType {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(NetfilterError);
    return (err as NetfilterError).type;
  }
  throw new Error('expected a NetfilterError');
}

describe('iptables command errors are coded and name the offending token', () => {
  const { nf } = makeNetfilter();
  nf.exec('-t nat -N DOCKER');

  it.each([
    ['-A INPUT --dport 80 -j ACCEPT', '--dport'],
    ['-A INPUT -p tcp --dport nosuchservice -j ACCEPT', 'nosuchservice'],
    ['-A INPUT -p tcp --dport 70000 -j ACCEPT', '70000'],
    ['-A INPUT -s 10.0.0.300 -j ACCEPT', '10.0.0.300'],
    ['-A INPUT -s 10.0.0.0/33 -j ACCEPT', '10.0.0.0/33'],
    // @swarmsim/addr's grammar: no leading zeros in an octet or in the prefix length, no whitespace.
    ['-A INPUT -s 010.0.0.1 -j ACCEPT', '010.0.0.1'],
    ['-A INPUT -d 10.0.0.0/08 -j ACCEPT', '10.0.0.0/08'],
    ['-A INPUT -s 10.0.0.0/255.0.0.01 -j ACCEPT', '10.0.0.0/255.0.0.01'],
    ['-t nat -A PREROUTING -p tcp -j DNAT --to-destination 172.17.0.02:80', '172.17.0.02:80'],
    ['-A INPUT -p bogus -j ACCEPT', 'bogus'],
    ['-A INPUT -m tcp --dport 80 -j ACCEPT', 'tcp'],
    ['-A INPUT -p tcp -s', '-s'],
    ['-A INPUT -j ACCEPT -j DROP', '-j'],
    ['-A INPUT ! -j ACCEPT', '-j'],
    ['-A INPUT -j ACCEPT !', '!'],
    ['-A INPUT -m addrtype -j ACCEPT', 'addrtype'],
    ['-A INPUT -m conntrack --ctstate BOGUS -j ACCEPT', 'BOGUS'],
    ['-t nat -A PREROUTING -j DNAT', 'DNAT'],
    ['-t nat -A PREROUTING -j DNAT --to-destination 10.0.0.2:80', 'DNAT'],
    ['-t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 99999', '99999'],
    ['-A INPUT -p tcp --wat', '--wat'],
    ['-L INPUT -s 10.0.0.1', '-s'],
    ['-P INPUT RETURN', 'RETURN'],
    ['-A INPUT -j ACCEPT -L', '-L'],
    ['-N ACCEPT', 'ACCEPT'],
    ['-A INPUT -g DOCKER', '-g'],
    ['-A INPUT -p udp --dport 53 --dport 54 -j ACCEPT', '--dport']
  ])('%s → NETFILTER_ERR_BAD_RULE at %s', (cmd, token) => {
    expect(failure(() => nf.exec(cmd))).toMatchObject({ code: 'NETFILTER_ERR_BAD_RULE', token });
  });

  it.each([
    ['-t bogus -L', 'NETFILTER_ERR_NO_TABLE'],
    ['-A NOPE -j ACCEPT', 'NETFILTER_ERR_NO_CHAIN'],
    ['-t nat -N DOCKER', 'NETFILTER_ERR_CHAIN_EXISTS'],
    ['-X INPUT', 'NETFILTER_ERR_BUILTIN_CHAIN'],
    ['-N USERCHAIN', undefined],
    ['-P USERCHAIN DROP', 'NETFILTER_ERR_BUILTIN_CHAIN'],
    ['-D INPUT -s 10.9.9.9 -j ACCEPT', 'NETFILTER_ERR_NO_RULE'],
    ['-C INPUT -s 10.9.9.9 -j ACCEPT', 'NETFILTER_ERR_NO_RULE'],
    ['-D INPUT 5', 'NETFILTER_ERR_BAD_INDEX'],
    ['-I INPUT 9 -j ACCEPT', 'NETFILTER_ERR_BAD_INDEX'],
    ['-A INPUT -m bogus -j ACCEPT', 'NETFILTER_ERR_UNKNOWN_MATCH'],
    ['-A INPUT -j NO-SUCH-CHAIN', 'NETFILTER_ERR_UNKNOWN_TARGET'],
    ['-A INPUT -p tcp -j DNAT --to-destination 10.0.0.2:80', 'NETFILTER_ERR_TARGET_NOT_ALLOWED'],
    ['-t nat -A PREROUTING -j MASQUERADE', 'NETFILTER_ERR_TARGET_NOT_ALLOWED'],
    ['-t nat -A POSTROUTING -j DNAT --to-destination 10.0.0.2', 'NETFILTER_ERR_TARGET_NOT_ALLOWED']
  ])('%s → %s', (cmd, code) => {
    if (code === undefined) expect(nf.exec(cmd)).toBe('');
    else expect(failure(() => nf.exec(cmd)).code).toBe(code);
  });

  it('refuses a MASQUERADE reachable from PREROUTING through a user chain, and leaves the table unchanged', () => {
    const h = makeNetfilter();
    h.nf.exec('-t nat -N POST');
    h.nf.exec('-t nat -A POST -j MASQUERADE');
    h.nf.exec('-t nat -A POSTROUTING -j POST');
    expect(failure(() => h.nf.exec('-t nat -A PREROUTING -j POST'))).toMatchObject({
      code: 'NETFILTER_ERR_TARGET_NOT_ALLOWED',
      hook: 'PREROUTING',
      target: 'MASQUERADE'
    });
    expect(h.nf.rules('nat', 'PREROUTING')).toHaveLength(0);
  });

  it('refuses jump loops (ELOOP) once they are reachable', () => {
    const h = makeNetfilter();
    h.nf.exec('-N A');
    h.nf.exec('-N B');
    h.nf.exec('-A INPUT -j A');
    h.nf.exec('-A A -j B');
    expect(failure(() => h.nf.exec('-A B -j A'))).toMatchObject({ code: 'NETFILTER_ERR_LOOP' });
    expect(h.nf.rules('filter', 'B')).toHaveLength(0);
  });

  it('refuses to delete a chain that is referenced or not empty', () => {
    const h = makeNetfilter();
    h.nf.exec('-N DOCKER-USER');
    h.nf.exec('-A DOCKER-USER -j RETURN');
    expect(failure(() => h.nf.exec('-X DOCKER-USER')).code).toBe('NETFILTER_ERR_CHAIN_NOT_EMPTY');
    h.nf.exec('-F DOCKER-USER');
    h.nf.exec('-A FORWARD -j DOCKER-USER');
    expect(failure(() => h.nf.exec('-X DOCKER-USER'))).toMatchObject({
      code: 'NETFILTER_ERR_CHAIN_IN_USE',
      chain: 'DOCKER-USER'
    });
    h.nf.exec('-D FORWARD -j DOCKER-USER');
    expect(h.nf.exec('-X DOCKER-USER')).toBe('');
  });

  it('refuses registering a module name twice', () => {
    const h = makeNetfilter();
    const clash: MatchModule = {
      name: 'tcp',
      options: {},
      parse: () => ({}),
      finish: () => ({}),
      match: () => true,
      print: () => '',
      save: () => ''
    };
    expect(failure(() => h.nf.registerMatch(clash))).toMatchObject({
      code: 'NETFILTER_ERR_MODULE_EXISTS',
      token: 'tcp'
    });
  });
});

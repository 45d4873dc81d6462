import { describe, expect, it } from 'vitest';
import { SwarmsimError, isSwarmsimError } from '@swarmsim/interface';
import { PacketError, decodeIpv4 } from '../src/index.js';
import { thrownBy } from './helpers.js';

describe('PacketError', () => {
  it('is a SwarmsimError carrying code, layer and offset as data', () => {
    const err = thrownBy(() => decodeIpv4(new Uint8Array(3)));
    expect(err).toBeInstanceOf(PacketError);
    expect(err).toBeInstanceOf(SwarmsimError);
    expect(isSwarmsimError(err, 'PACKET_ERR_TRUNCATED')).toBe(true);
    const { type, name } = err as PacketError;
    expect(name).toBe('PacketError');
    expect(type).toEqual({ code: 'PACKET_ERR_TRUNCATED', layer: 'ipv4', offset: 0 });
  });
});

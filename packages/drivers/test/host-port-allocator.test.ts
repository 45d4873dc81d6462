import { describe, expect, it } from 'vitest';
import { DriverError, HostPortAllocator } from '../src/index.js';

describe('HostPortAllocator', () => {
  it('hands out ephemeral ports sequentially from 32768, after the last one, not lowest-free', () => {
    const ports = new HostPortAllocator();
    expect([ports.allocate('tcp'), ports.allocate('tcp'), ports.allocate('tcp')]).toEqual([32768, 32769, 32770]);
    ports.release('tcp', 32768);
    expect(ports.allocate('tcp')).toBe(32771);
    // Each protocol has its own space and its own "last".
    expect(ports.allocate('udp')).toBe(32768);
  });

  it('refuses an explicit port twice with DRIVER_ERR_PORT_ALLOCATED, and skips it when allocating dynamically', () => {
    const ports = new HostPortAllocator({ ephemeralMin: 100, ephemeralMax: 102 });
    expect(ports.allocate('tcp', 101)).toBe(101);
    expect(() => ports.allocate('tcp', 101)).toThrow(
      expect.objectContaining({
        code: 'DRIVER_ERR_PORT_ALLOCATED',
        type: { code: 'DRIVER_ERR_PORT_ALLOCATED', port: 101 }
      })
    );
    expect([ports.allocate('tcp'), ports.allocate('tcp')]).toEqual([100, 102]);
    expect(ports.isAllocated('tcp', 102)).toBe(true);
  });

  it('wraps at the end of the range and fails with DRIVER_ERR_PORTS_EXHAUSTED when all are taken', () => {
    const ports = new HostPortAllocator({ ephemeralMin: 10, ephemeralMax: 11 });
    expect([ports.allocate('tcp'), ports.allocate('tcp')]).toEqual([10, 11]);
    ports.release('tcp', 10);
    expect(ports.allocate('tcp')).toBe(10);
    expect(() => ports.allocate('tcp')).toThrow(DriverError);
    expect(() => ports.allocate('tcp')).toThrow(expect.objectContaining({ code: 'DRIVER_ERR_PORTS_EXHAUSTED' }));
  });
});

/**
 * A small real TCP (RFC 9293) for a simulated network namespace: three-way handshake with MSS, 32-bit
 * sequence arithmetic, cumulative ACKs, the peer's window respected, out-of-order segments buffered,
 * RFC 6298 retransmission timeout with backoff, fast retransmit and NewReno partial-ACK repair (RFC 5681,
 * RFC 6582, without congestion window), FIN handshake with half-close and TIME_WAIT, RST handling.
 * Pure: segments in through `receive`, out through `output`, time from the injected clock.
 *
 * @example
 * ```ts
 * import { ManualClock } from '@swarmsim/clock';
 * import { TcpLayer, type TcpComponents } from './index.js';
 *
 * const clock = new ManualClock();
 * const layers = new Map<string, TcpLayer>();
 * const wire: TcpComponents['output'] = (seg, src, dst) => clock.setTimeout(() => layers.get(dst)?.receive(seg, src, dst), 1);
 * layers.set('10.0.0.1', new TcpLayer({ clock, random: () => 0.25, output: wire }));
 * layers.set('10.0.0.2', new TcpLayer({ clock, random: () => 0.75, output: wire }));
 * layers.get('10.0.0.2')!.listen('0.0.0.0', 80, (s) => s.on('data', (d) => s.write(d)));
 * const client = layers.get('10.0.0.1')!.connect('10.0.0.1', '10.0.0.2', 80);
 * client.on('data', (d) => console.log(new TextDecoder().decode(d))); // hello
 * client.write(new TextEncoder().encode('hello'));
 * clock.tick(100);
 * ```
 */
export { TcpLayer, type TcpListenOptions, type TcpComponents } from './tcp-layer.js';
export { TcpListener } from './listener.js';
export { TcpSocket } from './socket.js';
export { TcpError, type TcpErrorCode, type TcpErrorType, type TcpTuple } from './errors.js';
export { TCP_DEFAULTS, type TcpOptions, type ResolvedTcpOptions } from './options.js';
export type { TcpSocketEvents, TcpState, TcpStats } from './types.js';

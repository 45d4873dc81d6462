/**
 * @packageDocumentation
 * `Transport` over WebSockets (`ws`): one server per node on loopback, one persistent socket per peer pair
 * (opened lazily by whichever side sends first and then used both ways), msgpackr frames batched per event-loop
 * turn, acknowledged reliable messages, named limits, a join token checked in the upgrade request, and separate
 * control/gossip/data channels that can be faulted alone.
 *
 * @example
 * ```ts
 * import { createWsTransport } from '@swarmsim/transport-ws';
 * const a = await createWsTransport({ localId: 'node-1', token: 'SWMTKN-1-x' });
 * const b = await createWsTransport({ localId: 'node-2', token: 'SWMTKN-1-x' });
 * a.setPeers({ 'node-2': b.url });
 * b.onMessage((from, channel, payload) => console.log(from, channel, payload.length)); // node-1 control 3
 * await a.sendReliable('node-2', 'control', new Uint8Array([1, 2, 3]));
 * await Promise.all([a.close(), b.close()]);
 * ```
 */
export { createWsTransport, WsTransport, type WsTransportComponents } from './ws-transport.js';
export type { WsTransportInit } from './options.js';
export type { WsTransportStats } from './stats.js';
export { WsTransportError, type WsTransportErrorType } from './errors.js';
export {
  FrameType,
  FRAME_VERSION,
  CHANNEL_CODES,
  encodeBatch,
  encodeAck,
  decodeFrame,
  type Frame,
  type FrameMessage
} from './frame.js';

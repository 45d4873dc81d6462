/**
 * @packageDocumentation
 * Shared types of swarmsim: the one error base class and the edge interfaces (Clock, Transport, Logger,
 * Startable) that pure packages depend on instead of real time, sockets or a logging library.
 *
 * @example
 * ```ts
 * import { SwarmsimError, type Clock } from '@swarmsim/interface';
 * class PoolExhausted extends SwarmsimError<{ code: 'IPAM_ERR_POOL_EXHAUSTED' }> {}
 * function deadline(clock: Clock, ms: number): number { return clock.now() + ms; }
 * ```
 */
export { SwarmsimError, isSwarmsimError } from './errors.js';
export { Emitter, type EventMap, type Listener } from './emitter.js';
export { seededRandom, type Random } from './random.js';
export { isVirtualClock, type Clock, type TimerHandle, type VirtualClock } from './clock.js';
export { silentLogger, type Logger, type LogFn } from './logger.js';
export { isStartable, type Startable } from './startable.js';
export type { Channel, MessageHandler, PeerId, Transport } from './transport.js';
export {
  TransportError,
  payloadTooLarge,
  transportClosed,
  unreachable,
  type TransportErrorType,
  type UnreachableReason
} from './transport-errors.js';

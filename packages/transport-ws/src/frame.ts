import { Packr } from 'msgpackr';
import type { Channel } from '@swarmsim/interface';

/** Version of the frame layout; a peer drops frames of another version. */
export const FRAME_VERSION = 1;

/** Kinds of frames. ONLY APPEND: values are on the wire. */
export enum FrameType {
  /** `[v, 0, [channel, seq, payload, channel, seq, payload, …]]`; seq 0 = best-effort. */
  Batch = 0,
  /** `[v, 1, highestSeq, refusedSeqs[]]`: every reliable message up to highestSeq was handled. */
  Ack = 1
}

/** Channel numbers on the wire. ONLY APPEND: values are on the wire. */
export const CHANNEL_CODES: Readonly<Record<Channel, number>> = { control: 0, gossip: 1, data: 2 };
const CHANNELS: readonly Channel[] = ['control', 'gossip', 'data'];

/** Bytes of framing around one message (channel, seq, bin header), an upper bound used to cap batches. */
export const MESSAGE_OVERHEAD_BYTES = 16;
/** Bytes of framing around a batch (array headers, version, type), an upper bound. */
export const FRAME_OVERHEAD_BYTES = 16;

/** One message inside a batch frame. */
export interface FrameMessage {
  channel: Channel;
  /** Per-connection sequence number of a reliable message; 0 for best-effort. */
  seq: number;
  payload: Uint8Array;
}

/** A decoded frame. */
export type Frame =
  { type: FrameType.Batch; messages: FrameMessage[] } | { type: FrameType.Ack; highestSeq: number; refused: number[] };

// Plain arrays, no msgpackr records: the layout stays readable by any msgpack decoder.
const packr = new Packr({ useRecords: false, moreTypes: false });

/** Encodes a batch of messages as one frame. */
export function encodeBatch(messages: readonly FrameMessage[]): Uint8Array {
  const flat: unknown[] = new Array(messages.length * 3);
  messages.forEach((m, i) => {
    flat[i * 3] = CHANNEL_CODES[m.channel];
    flat[i * 3 + 1] = m.seq;
    flat[i * 3 + 2] = m.payload;
  });
  return packr.pack([FRAME_VERSION, FrameType.Batch, flat]);
}

/** Encodes an acknowledgement frame. */
export function encodeAck(highestSeq: number, refused: readonly number[]): Uint8Array {
  return packr.pack([FRAME_VERSION, FrameType.Ack, highestSeq, refused]);
}

/** Decodes a frame; undefined when the bytes are not a well-formed frame of this version. */
export function decodeFrame(bytes: Uint8Array): Frame | undefined {
  let value: unknown;
  try {
    value = packr.unpack(bytes);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value[0] !== FRAME_VERSION) return undefined;
  if (value[1] === FrameType.Batch && value.length === 3) return decodeBatch(value[2]);
  if (value[1] === FrameType.Ack && value.length === 4) return decodeAck(value[2], value[3]);
  return undefined;
}

function decodeBatch(flat: unknown): Frame | undefined {
  if (!Array.isArray(flat) || flat.length % 3 !== 0) return undefined;
  const messages: FrameMessage[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const channel = CHANNELS[flat[i] as number];
    const seq: unknown = flat[i + 1];
    const payload: unknown = flat[i + 2];
    if (channel === undefined || !isSeq(seq) || !(payload instanceof Uint8Array)) return undefined;
    // A view, not a copy: ws hands every message its own buffer.
    messages.push({ channel, seq, payload: new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength) });
  }
  return { type: FrameType.Batch, messages };
}

function decodeAck(highestSeq: unknown, refused: unknown): Frame | undefined {
  if (!isSeq(highestSeq) || !Array.isArray(refused) || !refused.every(isSeq)) return undefined;
  return { type: FrameType.Ack, highestSeq, refused };
}

function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

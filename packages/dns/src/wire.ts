import { Buffer } from 'node:buffer';
import dnsPacket, { type Answer, type DecodedPacket } from 'dns-packet';

/** DNS response codes the resolver sends (RFC 1035 §4.1.1). */
export const Rcode = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const;

const QR = 0x8000;
const TC = 0x0200;
const RD = 0x0100;
const RA = 0x0080;
const AD = 0x0020;
const CD = 0x0010;
const OPCODE_QUERY = 0;
const OPCODE_NOTIFY = 4;

/** A query that passed the header checks and decoded cleanly. */
export interface ParsedQuery {
  id: number;
  /** Raw header flags (bits 0–15 of the second word). */
  flags: number;
  /** Question name as decoded by dns-packet (no trailing dot). */
  name: string;
  /** Question type (`A`, `AAAA`, `PTR`, `UNKNOWN_65` …). */
  type: string;
  /** The question section exactly as received, echoed back verbatim. */
  rawQuestion: Uint8Array;
  /** True when every label is printable ASCII without dots, so the name can match a local record. */
  plainName: boolean;
  /** UDP payload size the client advertised with EDNS0, if any. */
  ednsUdpSize: number | undefined;
}

/** Outcome of reading client bytes: drop silently, reject with a ready reply, or handle the query. */
export type ParseResult =
  { kind: 'drop' } | { kind: 'reject'; reply: Uint8Array } | { kind: 'query'; query: ParsedQuery };

const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;

/**
 * miekg/dns (which Docker's resolver runs on) defaultMsgAcceptFunc + unpack: fewer than 12 bytes or a
 * response ⇒ drop; opcode other than QUERY/NOTIFY ⇒ NOTIMP; odd section counts or undecodable ⇒ FORMERR.
 */
export function parseQuery(bytes: Uint8Array): ParseResult {
  if (bytes.length < 12) return { kind: 'drop' };
  const id = u16(bytes, 0);
  const flags = u16(bytes, 2);
  if ((flags & QR) !== 0) return { kind: 'drop' };
  const opcode = (flags >> 11) & 0xf;
  if (opcode !== OPCODE_QUERY && opcode !== OPCODE_NOTIFY) return reject(id, flags, Rcode.NOTIMP, opcode);
  if (u16(bytes, 4) !== 1 || u16(bytes, 6) > 1 || u16(bytes, 8) > 1 || u16(bytes, 10) > 2) {
    return reject(id, flags, Rcode.FORMERR, OPCODE_QUERY);
  }
  let packet: DecodedPacket;
  try {
    packet = dnsPacket.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return reject(id, flags, Rcode.FORMERR, OPCODE_QUERY);
  }
  const question = packet.questions?.[0];
  const scan = scanName(bytes, 12);
  if (question === undefined || scan === undefined) return reject(id, flags, Rcode.FORMERR, OPCODE_QUERY);
  const opt = packet.additionals?.find((a) => a.type === 'OPT');
  const query: ParsedQuery = {
    id,
    flags,
    name: question.name,
    type: question.type,
    rawQuestion: bytes.slice(12, scan.end + 4),
    plainName: scan.plain,
    ednsUdpSize: opt !== undefined && 'udpPayloadSize' in opt ? opt.udpPayloadSize : undefined
  };
  return { kind: 'query', query };
}

/**
 * Walks the question name: its end offset, and whether it is plain. A compression pointer in a
 * question can only point into the header, which the reply rewrites, so it is rejected.
 */
function scanName(b: Uint8Array, offset: number): { end: number; plain: boolean } | undefined {
  let o = offset;
  let plain = true;
  for (;;) {
    const len = b[o];
    if (len === undefined || len > 63) return undefined;
    if (len === 0) return o + 5 <= b.length ? { end: o + 1, plain } : undefined;
    for (let i = o + 1; i <= o + len; i++) {
      const c = b[i];
      if (c === undefined) return undefined;
      if (c < 0x21 || c > 0x7e || c === 0x2e) plain = false;
    }
    o += len + 1;
  }
}

// miekg SetRcodeFormatError: header bits echoed, QR set, opcode QUERY (or kept for NOTIMP), no sections.
function reject(id: number, flags: number, rcode: number, opcode: number): ParseResult {
  const reply = new Uint8Array(12);
  const bits = QR | (opcode << 11) | (flags & (TC | RD | RA | AD | CD)) | rcode;
  writeHeader(reply, id, bits, 0, 0);
  return { kind: 'reject', reply };
}

function writeHeader(out: Uint8Array, id: number, bits: number, qd: number, an: number): void {
  out.set([id >> 8, id & 0xff, bits >> 8, bits & 0xff, 0, qd, an >> 8, an & 0xff, 0, 0, 0, 0], 0);
}

/** How to build a reply to a parsed query. */
export interface ReplyOptions {
  rcode: number;
  /** Recursion available: set on local answers (Docker createRespMsg), clear on SERVFAIL (SetRcode). */
  ra: boolean;
  answers?: Answer[];
  /** Largest reply in bytes; answers that do not fit are dropped and TC is set (miekg Msg.Truncate). */
  maxBytes?: number;
}

/** Reply = header (id, opcode, RD, CD echoed) + the question verbatim + answers, uncompressed as Docker's. */
export function encodeReply(q: ParsedQuery, options: ReplyOptions): Uint8Array {
  const all = options.answers ?? [];
  const fixed = 12 + q.rawQuestion.length;
  const room = (options.maxBytes ?? Infinity) - fixed;
  // Encode once; only an oversized reply pays for the per-record fitting (miekg Msg.Truncate).
  let answers = all;
  let section = encodeAnswers(all);
  if (section.length > room) {
    answers = fitAnswers(all, room);
    section = encodeAnswers(answers);
  }
  const truncated = answers.length < all.length;
  const out = new Uint8Array(fixed + section.length);
  const bits = QR | (q.flags & (0x7800 | RD | CD)) | (options.ra ? RA : 0) | (truncated ? TC : 0) | options.rcode;
  writeHeader(out, q.id, bits, 1, answers.length);
  out.set(q.rawQuestion, 12);
  out.set(section, fixed);
  return out;
}

const encodeAnswers = (answers: Answer[]): Uint8Array =>
  answers.length === 0 ? new Uint8Array(0) : dnsPacket.encode({ answers }).subarray(12);

/** The longest prefix of `all` whose encoding fits in `room` bytes. */
function fitAnswers(all: Answer[], room: number): Answer[] {
  let size = 0;
  let n = 0;
  for (const a of all) {
    size += dnsPacket.encodingLength({ answers: [a] }) - 12;
    if (size > room) break;
    n++;
  }
  return all.slice(0, n);
}

/** Reads id, QR and rcode of an upstream's reply; undefined when it does not decode. */
export function peekReply(bytes: Uint8Array): { id: number; rcode: number } | undefined {
  try {
    const p = dnsPacket.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return p.flag_qr ? { id: p.id ?? 0, rcode: u16(bytes, 2) & 0xf } : undefined;
  } catch {
    return undefined;
  }
}

/** A copy of `bytes` with the message id replaced (upstream replies carry the client's id back). */
export function withId(bytes: Uint8Array, id: number): Uint8Array {
  const out = bytes.slice();
  out[0] = id >> 8;
  out[1] = id & 0xff;
  return out;
}

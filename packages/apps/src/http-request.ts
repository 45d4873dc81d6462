/** A parsed HTTP/1.x request head. */
export interface HttpRequestHead {
  method: string;
  target: string;
  version: string;
  /** Header lines as received (name and value), in order. */
  headers: [string, string][];
}

/**
 * Parses a request head once `\r\n\r\n` has arrived; undefined while incomplete. Returns the byte length of the
 * head so pipelined requests can follow.
 */
export function parseRequestHead(text: string): { head: HttpRequestHead; length: number } | undefined {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [requestLine = '', ...lines] = text.slice(0, end).split('\r\n');
  const [method = '', target = '', version = ''] = requestLine.split(' ');
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return { head: { method, target, version, headers }, length: end + 4 };
}

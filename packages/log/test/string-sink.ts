/** A log destination that keeps every line written to it. */
export function stringSink(): { write(line: string): void; lines: string[]; text(): string } {
  const lines: string[] = [];
  return { write: (line) => void lines.push(line), lines, text: () => lines.join('') };
}

/** The JSON objects of a sink's lines. */
export function jsonLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

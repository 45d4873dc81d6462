// The worker's timestamp of the record writeRecord is replaying, read by createLogger's time function so a
// replayed line keeps the time it was logged at, not the time it crossed the thread boundary.
// Set and cleared around one synchronous pino call, so no other line can observe it.
let replayTime: number | undefined;

/** Runs `write` with `time` as the timestamp createLogger's loggers stamp on lines. */
export function withReplayTime(time: number, write: () => void): void {
  replayTime = time;
  try {
    write();
  } finally {
    replayTime = undefined;
  }
}

/** The timestamp of the line being replayed, if any. */
export function currentReplayTime(): number | undefined {
  return replayTime;
}

/** Per-interface statistics, as `ip -s link` and `ifconfig` show them. */
export interface InterfaceCounters {
  rxPackets: number;
  rxBytes: number;
  rxErrors: number;
  rxDropped: number;
  txPackets: number;
  txBytes: number;
  txErrors: number;
  txDropped: number;
}

/** A zeroed counter set. */
export function emptyCounters(): InterfaceCounters {
  return { rxPackets: 0, rxBytes: 0, rxErrors: 0, rxDropped: 0, txPackets: 0, txBytes: 0, txErrors: 0, txDropped: 0 };
}

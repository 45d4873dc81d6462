import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * tshark as an external oracle for the bytes swarmsim writes: the packet codecs and captures are checked by
 * Wireshark's own dissectors. A separate entry (`@swarmsim/testkit/tshark`), as it spawns a process.
 */

/** Whether tshark runs here; in CI its absence is a failure, elsewhere tests skip with a printed reason. */
export const tsharkAvailable = spawnSync('tshark', ['--version'], { encoding: 'utf8' }).status === 0;
export const skipTshark = !tsharkAvailable && !process.env['CI'];
if (skipTshark) console.warn('tshark tests: skipped, `tshark` is not on PATH (set CI=1 to make this a failure)');

/** Runs `tshark -T fields` with checksum validation on a pcap; one record (field → value) per frame. */
export function tsharkFields(pcap: Uint8Array, fields: string[]): Record<string, string>[] {
  const dir = mkdtempSync(join(tmpdir(), 'swarmsim-tshark-'));
  try {
    const file = join(dir, 'capture.pcap');
    writeFileSync(file, pcap);
    const checks = ['ip', 'udp', 'tcp'].flatMap((p) => ['-o', `${p}.check_checksum:TRUE`]);
    const args = [
      '-n',
      '-r',
      file,
      ...checks,
      '-T',
      'fields',
      '-E',
      'separator=\t',
      ...fields.flatMap((f) => ['-e', f])
    ];
    const run = spawnSync('tshark', args, { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`tshark failed (${run.status}): ${run.stderr}`);
    return run.stdout
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => Object.fromEntries(line.split('\t').map((v, i) => [fields[i]!, v])));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

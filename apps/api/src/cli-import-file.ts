import { open } from 'node:fs/promises';

export type ImportFileRead =
  | { kind: 'read'; content: Buffer }
  | { kind: 'too-large'; sizeBytes: number }
  | { kind: 'not-a-file' };

/**
 * Reads a file for the CLI import, never more than maxBytes + 1 bytes. The size is checked on the
 * open handle, so a link to a device (/dev/zero) or a file that grows while being read cannot
 * make the import read without end.
 */
export async function readImportFile(path: string, maxBytes: number): Promise<ImportFileRead> {
  const handle = await open(path, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      return { kind: 'not-a-file' };
    }
    if (info.size > maxBytes) {
      return { kind: 'too-large', sizeBytes: info.size };
    }

    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
      if (length > maxBytes) {
        return { kind: 'too-large', sizeBytes: length };
      }
    }

    return { kind: 'read', content: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}

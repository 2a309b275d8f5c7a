import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readImportFile } from './cli-import-file';

describe('readImportFile', () => {
  let directory: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'solleciti-cli-read-'));
  });

  afterEach(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('reads a file within the limit', async () => {
    const path = join(directory, 'a.xml');
    writeFileSync(path, '<a/>');

    const result = await readImportFile(path, 4);

    expect(result).toEqual({ kind: 'read', content: Buffer.from('<a/>') });
  });

  it('reports a file over the limit', async () => {
    const path = join(directory, 'a.xml');
    writeFileSync(path, '<abc/>');

    expect(await readImportFile(path, 4)).toEqual({ kind: 'too-large', sizeBytes: 6 });
  });

  it('rejects a link to a device', async () => {
    const path = join(directory, 'zero.xml');
    symlinkSync('/dev/zero', path);

    expect(await readImportFile(path, 1024)).toEqual({ kind: 'not-a-file' });
  });
});

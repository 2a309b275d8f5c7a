import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const TEST_DATA_DIRECTORY = resolve(__dirname, '../test-data');

/** Returns the bytes of a sample file under src/test-data. */
export function readTestData(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(TEST_DATA_DIRECTORY, name)));
}

/** Returns a UTF-8 sample as text, for tests that edit it before reading it. */
export function readTestDataText(name: string): string {
  return new TextDecoder().decode(readTestData(name));
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

import fc from 'fast-check';

import { buildSignedData, toBase64Lines } from '../testing/cms-builder';
import { sampleFatturaPaXml } from '../testing/sample-document';
import { FatturaPaError } from './model';
import { readFatturaPa } from './read-fatturapa';

/**
 * Property: whatever bytes arrive, readFatturaPa returns a result or throws a FatturaPaError,
 * within a per-run time bound. The reader is synchronous, so a run that hangs cannot be
 * interrupted. The bound catches runs slow enough to point at super-linear work instead.
 */

const PER_RUN_BOUND_MS = 2000;
const SEED = 20251205;

const encoder = new TextEncoder();
const sampleBytes = encoder.encode(sampleFatturaPaXml());

type Outcome = 'parsed' | FatturaPaError['code'];

function readWithinBound(bytes: Uint8Array): Outcome {
  const started = performance.now();
  let outcome: Outcome;
  try {
    readFatturaPa(bytes);
    outcome = 'parsed';
  } catch (error) {
    if (!(error instanceof FatturaPaError)) {
      throw new Error(`readFatturaPa threw ${String(error)} instead of a FatturaPaError`, { cause: error });
    }
    outcome = error.code;
  }

  const elapsed = performance.now() - started;
  if (elapsed > PER_RUN_BOUND_MS) {
    throw new Error(`readFatturaPa took ${Math.round(elapsed)} ms on ${bytes.length} bytes, over the bound of ${PER_RUN_BOUND_MS} ms`);
  }

  return outcome;
}

/** Characters that steer the XML and entity code paths, so random strings reach past the first check. */
const XML_UNITS = fc.constantFrom(
  '<', '>', '/', '!', '?', '&', ';', '#', 'x', '"', "'", '=', ' ', '\n', '[', ']', '-',
  'a', 'b', ':', 'p', 'DOCTYPE', 'ENTITY', 'CDATA', '&amp;', '&#x41;', '&#0;', '<![CDATA[', ']]>',
  '<!--', '-->', '<?xml version="1.0"?>', '\u0000', '\ufeff', 'é', '€', '\ud83d\ude00',
);

/** Applies byte edits (replace, insert, delete) at positions given as fractions of the length. */
const mutation: fc.Arbitrary<ByteEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const),
  bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
});

interface ByteEdit {
  at: number;
  kind: 'replace' | 'insert' | 'delete';
  bytes: Uint8Array;
}

function mutate(source: Uint8Array, edits: ByteEdit[]): Uint8Array {
  const current = Array.from(source);
  for (const edit of edits) {
    const position = Math.min(current.length, Math.floor(edit.at * current.length));
    if (edit.kind === 'replace') {
      current.splice(position, edit.bytes.length, ...edit.bytes);
    } else if (edit.kind === 'insert') {
      current.splice(position, 0, ...edit.bytes);
    } else {
      current.splice(position, edit.bytes.length);
    }
  }

  return Uint8Array.from(current);
}

describe('readFatturaPa fuzz', () => {
  it('handles arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        readWithinBound(bytes);
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('handles arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 2000 }),
          fc.string({ unit: XML_UNITS, maxLength: 300 }),
        ),
        (text) => {
          readWithinBound(encoder.encode(text));
        },
      ),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('handles mutations of a valid sample', () => {
    expect(readWithinBound(sampleBytes)).toBe('parsed');

    const outcomes = new Set<Outcome>();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (edits) => {
        outcomes.add(readWithinBound(mutate(sampleBytes, edits)));
      }),
      { seed: SEED, numRuns: 4000 },
    );

    // Edits in text content keep the file readable, edits in markup break it: both paths ran.
    expect(outcomes).toContain('parsed');
    expect(outcomes).toContain('malformed-xml');
  });

  it('rejects every truncation of a valid sample', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sampleBytes.length - 30 }), (length) => {
        // The last 30 bytes contain the root's end tag, so a cut before them leaves the root open.
        expect(readWithinBound(sampleBytes.subarray(0, length))).not.toBe('parsed');
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('handles tampered and truncated p7m envelopes', () => {
    const envelope = fc
      .record({
        encoding: fc.constantFrom('der' as const, 'ber-chunked' as const),
        chunkSize: fc.integer({ min: 1, max: 2000 }),
        detached: fc.boolean(),
        content: fc.oneof(
          fc.constant(sampleBytes),
          fc.array(mutation, { minLength: 1, maxLength: 3 }).map((edits) => mutate(sampleBytes, edits)),
          fc.uint8Array({ maxLength: 512 }),
        ),
      })
      .map(({ content, ...options }) => buildSignedData(content, options));

    const wrapped = fc.oneof(
      // Byte edits inside the envelope: lengths, tags and OIDs.
      fc.tuple(envelope, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([bytes, edits]) => mutate(bytes, edits)),
      // Truncated anywhere.
      fc.tuple(envelope, fc.double({ min: 0, max: 1, noNaN: true })).map(([bytes, at]) => bytes.subarray(0, Math.floor(at * bytes.length))),
      // Base64 text of a tampered envelope.
      fc.tuple(envelope, fc.array(mutation, { maxLength: 2 })).map(([bytes, edits]) => encoder.encode(toBase64Lines(mutate(bytes, edits)))),
      // Random bytes behind a SEQUENCE header with a long-form or indefinite length.
      fc.tuple(fc.integer({ min: 0x80, max: 0x84 }), fc.uint8Array({ maxLength: 1024 })).map(([length, rest]) => Uint8Array.of(0x30, length, ...rest)),
      // Random base64 text that starts like an envelope.
      fc.base64String({ maxLength: 1024 }).map((text) => encoder.encode(`MII${text}`)),
    );

    fc.assert(
      fc.property(wrapped, (bytes) => {
        readWithinBound(bytes);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});

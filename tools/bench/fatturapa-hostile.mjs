// Measures how long the FatturaPA reader takes, and how much memory it uses, on hostile and
// large files built in memory. Usage: node --expose-gc tools/bench/fatturapa-hostile.mjs
// (no build needed: esbuild bundles libs/fatturapa into a temporary file first).
// Prints, per case, the outcome, the median and worst time over several runs, and the growth of
// heap plus Buffer memory over one run that starts after a forced garbage collection. The growth
// includes garbage not yet collected, so it is an upper estimate of the live memory at the end,
// not a sampled peak.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const RUNS = 7;
const MIB = 1024 * 1024;

if (typeof globalThis.gc !== 'function') {
  console.error('Run with node --expose-gc so that memory is measured from a collected heap.');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'solleciti-bench-fatturapa-'));
try {
  await build({
    entryPoints: [join(root, 'libs/fatturapa/src/index.ts'), join(root, 'libs/fatturapa/src/testing/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outdir: work,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const { readFatturaPa } = await import(pathToFileURL(join(work, 'index.mjs')).href);
  const { buildSignedData, sampleFatturaPaXml } = await import(pathToFileURL(join(work, 'testing/index.mjs')).href);

  const encoder = new TextEncoder();
  const sample = sampleFatturaPaXml();
  const rootStart = sample.indexOf('<p:FatturaElettronica');
  const lineStart = sample.indexOf('<DettaglioLinee>');
  const lineEnd = sample.indexOf('</DettaglioLinee>') + '</DettaglioLinee>'.length;
  const line = sample.slice(lineStart, lineEnd);

  /** A valid document of about `bytes` bytes, made of repeated invoice lines. */
  const largeValid = (bytes) => {
    const copies = Math.ceil((bytes - sample.length) / line.length);
    return encoder.encode(sample.slice(0, lineEnd) + line.repeat(copies) + sample.slice(lineEnd));
  };
  const entities = ['<!ENTITY lol0 "lol">'];
  for (let level = 1; level < 10; level++) {
    entities.push(`<!ENTITY lol${level} "${`&lol${level - 1};`.repeat(10)}">`);
  }
  const billionLaughs = encoder.encode(
    `${sample.slice(0, rootStart)}<!DOCTYPE p:FatturaElettronica [${entities.join('')}]>\n${sample.slice(rootStart).replace('Manutenzione impianto', '&lol9;')}`,
  );
  const fiftyMb = new Uint8Array(50 * 1000 * 1000);
  fiftyMb.set(encoder.encode(sample));
  fiftyMb.fill(0x20, sample.length);
  const deep = encoder.encode(sample.replace('<Descrizione>', `<Descrizione>${'<x>'.repeat(1_000_000)}${'</x>'.repeat(1_000_000)}`));
  const envelope = buildSignedData(largeValid(19 * MIB), { encoding: 'ber-chunked' });
  const longText = encoder.encode(sample.replace('Manutenzione impianto', 'y'.repeat(20_000_000)));
  const longAttribute = encoder.encode(sample.replace('<Descrizione>', `<Descrizione note="${'y'.repeat(20_000_000)}">`));
  const manyElements = encoder.encode(sample.replace('<Descrizione>', `<Descrizione>${'<x/>'.repeat(4_000_000)}`));

  const cases = [
    ['50 MB file, default 20 MiB limit', fiftyMb, {}],
    ['50 MB of spaces after the root, limit raised to 64 MiB', fiftyMb, { maxBytes: 64 * MIB }],
    ['billion laughs (10 levels of 10)', billionLaughs, {}],
    ['1,000,000 nested elements (7 MB)', deep, {}],
    ['20 MB of text in Descrizione', longText, {}],
    ['20 MB attribute value', longAttribute, {}],
    ['4,000,000 empty elements (16 MB)', manyElements, {}],
    ['valid 19 MiB file (about 70,000 lines)', largeValid(19 * MIB), {}],
    ['valid 19 MiB file in a BER p7m', envelope, {}],
  ];

  console.log(`Node ${process.version}, ${RUNS} runs per case\n`);
  console.log('| case | outcome | median | worst | memory growth over one run |');
  console.log('|---|---|---|---|---|');
  for (const [name, bytes, options] of cases) {
    const times = [];
    let outcome = '';
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      outcome = readOutcome(readFatturaPa, bytes, options);
      times.push(performance.now() - started);
    }
    times.sort((left, right) => left - right);
    const growth = measureGrowth(() => readOutcome(readFatturaPa, bytes, options));
    console.log(
      `| ${name} | ${outcome} | ${format(times[Math.floor(RUNS / 2)])} | ${format(times[RUNS - 1])} | ${(growth / MIB).toFixed(1)} MiB |`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function readOutcome(readFatturaPa, bytes, options) {
  try {
    const parsed = readFatturaPa(bytes, options);
    return `read, ${parsed.invoices[0].lines.length} lines`;
  } catch (error) {
    if (error?.name !== 'FatturaPaError') {
      throw error;
    }
    return error.code;
  }
}

/** Returns the growth of heapUsed + arrayBuffers from a collected heap to right after `action`. */
function measureGrowth(action) {
  globalThis.gc();
  const before = allocated();
  action();
  const after = allocated();
  globalThis.gc();

  return Math.max(0, after - before);
}

function allocated() {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function format(milliseconds) {
  return milliseconds < 10 ? `${milliseconds.toFixed(2)} ms` : `${Math.round(milliseconds)} ms`;
}

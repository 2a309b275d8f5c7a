import { ParsedFatturaPa, ReadOptions, FatturaPaError } from './model';

// Placeholder signature while the reader is written; replaced by the real implementation.
export function readFatturaPa(_content: Uint8Array, _options: ReadOptions = {}): ParsedFatturaPa {
  throw new FatturaPaError('unsupported-format', 'not implemented');
}

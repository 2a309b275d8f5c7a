import { FatturaPaError, FatturaPaErrorCode } from '../lib/model';

/** Runs `action`, checks that it throws a FatturaPaError with `code`, and returns that error. */
export function catchFatturaPaError(
  action: () => unknown,
  code: FatturaPaErrorCode,
): FatturaPaError {
  try {
    action();
  } catch (error) {
    if (!(error instanceof FatturaPaError)) {
      throw new Error(`Expected a FatturaPaError "${code}", but got: ${String(error)}`);
    }
    if (error.code !== code) {
      throw new Error(
        `Expected a FatturaPaError "${code}", but got "${error.code}": ${error.message}`,
      );
    }

    return error;
  }

  throw new Error(`Expected a FatturaPaError "${code}", but nothing was thrown`);
}

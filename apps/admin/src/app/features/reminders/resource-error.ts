import { HttpErrorResponse } from '@angular/common/http';

/** Returns the HttpErrorResponse that a resource wrapped in an Error (as its cause), or the error itself. */
export function httpErrorOf(error: Error): unknown {
  return error instanceof HttpErrorResponse ? error : (error.cause ?? error);
}

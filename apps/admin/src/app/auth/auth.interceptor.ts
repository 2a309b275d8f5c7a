import { HttpErrorResponse, HttpInterceptorFn, HttpStatusCode } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { AuthService, LOGIN_URL, LOGOUT_URL } from './auth.service';

/**
 * Adds `Authorization: Bearer <token>` to same-origin `/api/` requests and
 * logs the user out when the API returns 401 (token missing, expired or revoked).
 * The login request is passed through unchanged, because its 401 means wrong
 * credentials and the login page shows that message itself. A 401 on logout only
 * means the token had already ended, so it does not report an expired session.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!request.url.startsWith('/api/') || request.url === LOGIN_URL) {
    return next(request);
  }

  const auth = inject(AuthService);
  const accessToken = auth.accessToken();
  const authorizedRequest = accessToken
    ? request.clone({ setHeaders: { Authorization: `Bearer ${accessToken}` } })
    : request;

  return next(authorizedRequest).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === HttpStatusCode.Unauthorized &&
        request.url !== LOGOUT_URL
      ) {
        auth.logout('expired');
      }
      return throwError(() => error);
    }),
  );
};

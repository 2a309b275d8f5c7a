import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { Observable, map } from 'rxjs';

/** Path of the login endpoint. The API is served on the same origin as the admin. */
export const LOGIN_URL = '/api/auth/login';

/** sessionStorage key of the API access token, so the login lasts until the browser tab closes. */
const TOKEN_STORAGE_KEY = 'solleciti.accessToken';

export interface LoginCredentials {
  username: string;
  password: string;
}

interface LoginResponse {
  accessToken: string;
}

/** Stores the API access token and performs login and logout. */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly token = signal<string | null>(readStoredToken());

  readonly isAuthenticated = computed(() => this.token() !== null);

  /** The logged-in username, read from the token's payload (the API signs it; it is not checked here). */
  readonly username = computed(() => usernameFromToken(this.token()));

  accessToken(): string | null {
    return this.token();
  }

  /**
   * Sends the credentials to the API and stores the returned token.
   * Errors with the `HttpErrorResponse` of the request (status 401 for wrong
   * credentials), or with an `Error` when a 2xx response has no token.
   */
  login(credentials: LoginCredentials): Observable<void> {
    return this.http.post<LoginResponse>(LOGIN_URL, credentials).pipe(
      map((response) => {
        const accessToken = response?.accessToken;
        if (typeof accessToken !== 'string' || accessToken === '') {
          throw new Error(`Invalid login response from ${LOGIN_URL}: missing accessToken.`);
        }
        this.storeToken(accessToken);
      }),
    );
  }

  /** Forgets the token and shows the login page; `expired` makes the page report that the session ended. */
  logout(reason: 'user' | 'expired' = 'user'): void {
    this.storeToken(null);
    void this.router.navigateByUrl(reason === 'expired' ? '/login?motivo=sessione-scaduta' : '/login');
  }

  private storeToken(accessToken: string | null): void {
    this.token.set(accessToken);
    try {
      if (accessToken === null) {
        sessionStorage.removeItem(TOKEN_STORAGE_KEY);
      } else {
        sessionStorage.setItem(TOKEN_STORAGE_KEY, accessToken);
      }
    } catch (error) {
      // Storage can be blocked by browser settings. The token then lasts only until the page reloads.
      console.warn('Failed to write the access token to sessionStorage.', error);
    }
  }
}

function usernameFromToken(token: string | null): string | null {
  const payload = token?.split('.')[1];
  if (!payload) {
    return null;
  }

  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const username = (JSON.parse(json) as { username?: unknown }).username;

    return typeof username === 'string' ? username : null;
  } catch {
    return null;
  }
}

function readStoredToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_STORAGE_KEY);
  } catch (error) {
    console.warn('Failed to read the access token from sessionStorage.', error);
    return null;
  }
}

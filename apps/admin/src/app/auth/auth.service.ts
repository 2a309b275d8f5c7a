import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { CurrentUserResponse } from '@solleciti/dto';
import { Observable, firstValueFrom, map } from 'rxjs';

/** Path of the login endpoint. The API is served on the same origin as the admin. */
export const LOGIN_URL = '/api/auth/login';

/** Path of the endpoint that revokes the access token on the server. */
export const LOGOUT_URL = '/api/auth/logout';

const CURRENT_USER_URL = '/api/auth/me';

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
  private currentUserRequest: Promise<CurrentUserResponse> | null = null;

  readonly isAuthenticated = computed(() => this.token() !== null);

  /** The logged-in user as the API returns it, or null until loadCurrentUser() has finished. */
  readonly currentUser = signal<CurrentUserResponse | null>(null);

  /** Whether the user may manage users; false until the current user has loaded. */
  readonly isAdmin = computed(() => this.currentUser()?.role === 'admin');

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

  /** Loads the logged-in user and role once per login; later calls reuse the first request. */
  loadCurrentUser(): Promise<CurrentUserResponse> {
    this.currentUserRequest ??= firstValueFrom(this.http.get<CurrentUserResponse>(CURRENT_USER_URL)).then(
      (user) => {
        this.currentUser.set(user);

        return user;
      },
      (error: unknown) => {
        this.currentUserRequest = null;
        throw error;
      },
    );

    return this.currentUserRequest;
  }

  /**
   * Forgets the token and shows the login page; `expired` makes the page report that the session
   * ended. A logout by the user also asks the API to revoke the token, so that a copy of it stops
   * working too. The request is sent before the token is dropped, and its outcome does not delay
   * the logout.
   */
  logout(reason: 'user' | 'expired' = 'user'): void {
    if (reason === 'user' && this.token() !== null) {
      this.http.post<void>(LOGOUT_URL, null).subscribe({
        error: (error: unknown) => console.warn('Failed to revoke the access token on the server.', error),
      });
    }
    this.storeToken(null);
    this.currentUser.set(null);
    this.currentUserRequest = null;
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

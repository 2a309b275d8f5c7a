import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { vi } from 'vitest';

import { authInterceptor } from './auth.interceptor';
import { AuthService, LOGOUT_URL } from './auth.service';

describe('AuthService', () => {
  let auth: AuthService;
  let httpTesting: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;

  async function logIn(token: string): Promise<void> {
    const done = new Promise<void>((resolve) =>
      auth.login({ username: 'admin', password: 'x' }).subscribe(() => resolve()),
    );
    httpTesting.expectOne('/api/auth/login').flush({ accessToken: token, expiresIn: 60 });
    await done;
  }

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    auth = TestBed.inject(AuthService);
    httpTesting = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => {
    httpTesting.verify();
  });

  it('revokes the token on logout', async () => {
    await logIn('token-1');

    auth.logout();

    const request = httpTesting.expectOne({ method: 'POST', url: LOGOUT_URL });
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(auth.isAuthenticated()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/login');
    request.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('does not report an expired session when logout gets 401', async () => {
    await logIn('token-2');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    auth.logout();
    httpTesting
      .expectOne(LOGOUT_URL)
      .flush({ message: 'revoked' }, { status: 401, statusText: 'Unauthorized' });

    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith('/login');
    expect(warn).toHaveBeenCalled();
  });

  it('sends no request when the session expired', async () => {
    await logIn('token-3');

    auth.logout('expired');

    httpTesting.expectNone(LOGOUT_URL);
    expect(navigate).toHaveBeenCalledWith('/login?motivo=sessione-scaduta');
  });

  it('loads the current user once', async () => {
    await logIn('token-4');

    const first = auth.loadCurrentUser();
    const second = auth.loadCurrentUser();
    httpTesting.expectOne('/api/auth/me').flush({ id: 1, username: 'admin', role: 'admin' });

    expect(await first).toEqual(await second);
    expect(auth.isAdmin()).toBe(true);
  });
});

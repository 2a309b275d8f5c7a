import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { DEFAULT_PATH } from '../sections';
import { AuthService } from './auth.service';

/** Lets only logged-in users in and sends everyone else to the login page. */
export const authGuard: CanActivateFn = () => {
  if (inject(AuthService).isAuthenticated()) {
    return true;
  }
  return inject(Router).createUrlTree(['/login']);
};

/** Sends users who are already logged in from the login page to the default section. */
export const guestGuard: CanActivateFn = () => {
  if (!inject(AuthService).isAuthenticated()) {
    return true;
  }
  return inject(Router).parseUrl(DEFAULT_PATH);
};

/** Lets only administrators in and sends everyone else to the default section. */
export const adminGuard: CanActivateFn = async () => {
  const auth = inject(AuthService);
  const router = inject(Router);
  try {
    const user = await auth.loadCurrentUser();

    return user.role === 'admin' ? true : router.parseUrl(DEFAULT_PATH);
  } catch {
    return router.parseUrl(DEFAULT_PATH);
  }
};

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

import { Route } from '@angular/router';

import { authGuard, guestGuard } from './auth/auth.guard';
import { DEFAULT_PATH } from './sections';

export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: $localize`:Browser tab title of the login page@@login.pageTitle:Accedi`,
    loadComponent: () => import('./login/login').then((m) => m.Login),
  },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadComponent: () => import('./layout/layout').then((m) => m.Layout),
    children: [
      { path: 'anagrafiche', loadChildren: () => import('./features/clients/clients.routes').then((m) => m.CLIENTS_ROUTES) },
      { path: 'fatture', loadChildren: () => import('./features/invoices/invoices.routes').then((m) => m.INVOICES_ROUTES) },
      { path: 'incassi', loadChildren: () => import('./features/agenda/agenda.routes').then((m) => m.AGENDA_ROUTES) },
      { path: 'solleciti', loadChildren: () => import('./features/reminders/reminders.routes').then((m) => m.REMINDERS_ROUTES) },
      { path: 'impostazioni', loadChildren: () => import('./features/settings/settings.routes').then((m) => m.SETTINGS_ROUTES) },
      { path: '', pathMatch: 'full', redirectTo: DEFAULT_PATH.slice(1) },
    ],
  },
  { path: '**', redirectTo: DEFAULT_PATH.slice(1) },
];

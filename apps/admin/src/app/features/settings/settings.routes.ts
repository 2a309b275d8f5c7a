import { Routes } from '@angular/router';

import { adminGuard } from '../../auth/auth.guard';
import { unsavedChangesGuard } from './reminder-settings/unsaved-changes.guard';

// Impostazioni: /impostazioni/solleciti, /impostazioni/server-di-posta, /impostazioni/modelli-email,
// /impostazioni/chiavi-api and, for administrators, /impostazioni/utenti.
export const SETTINGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'solleciti' },
  {
    path: 'solleciti',
    title: $localize`:Page title@@page.settings.reminders:Impostazioni solleciti`,
    loadComponent: () => import('./reminder-settings/reminder-settings').then((m) => m.ReminderSettings),
    canDeactivate: [unsavedChangesGuard],
  },
  {
    path: 'server-di-posta',
    title: $localize`:Page title@@page.settings.mailServer:Server di posta`,
    loadComponent: () => import('./mail-server/mail-server').then((m) => m.MailServer),
  },
  {
    path: 'modelli-email',
    title: $localize`:Page title@@page.settings.templates:Modelli e-mail`,
    loadComponent: () => import('./mail-templates/mail-templates').then((m) => m.MailTemplates),
  },
  {
    path: 'chiavi-api',
    title: $localize`:Page title@@page.settings.apiKeys:Chiavi API`,
    loadComponent: () => import('./api-keys/api-keys').then((m) => m.ApiKeys),
  },
  {
    path: 'utenti',
    title: $localize`:Page title@@page.settings.users:Utenti`,
    canActivate: [adminGuard],
    loadComponent: () => import('./users/users').then((m) => m.Users),
  },
];

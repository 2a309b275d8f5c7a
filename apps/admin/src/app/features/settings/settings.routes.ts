import { Routes } from '@angular/router';

// Impostazioni: /impostazioni/solleciti, /impostazioni/server-di-posta, /impostazioni/modelli-email.
export const SETTINGS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'solleciti' },
  {
    path: 'solleciti',
    title: $localize`:Page title@@page.settings.reminders:Impostazioni solleciti`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.settings.reminders:Impostazioni solleciti` },
  },
  {
    path: 'server-di-posta',
    title: $localize`:Page title@@page.settings.mailServer:Server di posta`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.settings.mailServer:Server di posta` },
  },
  {
    path: 'modelli-email',
    title: $localize`:Page title@@page.settings.templates:Modelli e-mail`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.settings.templates:Modelli e-mail` },
  },
];

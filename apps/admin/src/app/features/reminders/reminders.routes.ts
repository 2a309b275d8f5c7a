import { Routes } from '@angular/router';

// Solleciti: /solleciti, the history of every reminder.
export const REMINDERS_ROUTES: Routes = [
  {
    path: '',
    title: $localize`:Page title@@page.reminders:Solleciti`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.reminders:Solleciti` },
  },
];

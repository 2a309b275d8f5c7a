import { Routes } from '@angular/router';

// Solleciti: /solleciti, the history of every reminder.
export const REMINDERS_ROUTES: Routes = [
  {
    path: '',
    title: $localize`:Page title@@page.reminders:Solleciti`,
    loadComponent: () => import('./reminder-history').then((m) => m.ReminderHistory),
  },
];

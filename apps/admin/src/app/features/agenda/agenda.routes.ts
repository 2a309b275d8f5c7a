import { Routes } from '@angular/router';

// Incassi e pagamenti: /incassi/agenda.
export const AGENDA_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'agenda' },
  {
    path: 'agenda',
    title: $localize`:Page title@@page.agenda:Agenda`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.agenda:Agenda` },
  },
];

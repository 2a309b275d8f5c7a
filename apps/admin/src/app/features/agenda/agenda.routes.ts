import { Routes } from '@angular/router';

// Incassi e pagamenti: /incassi/agenda, with ?mese=YYYY-MM and ?vista=elenco.
export const AGENDA_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'agenda' },
  {
    path: 'agenda',
    title: $localize`:Page title@@page.agenda:Agenda`,
    loadComponent: () => import('./agenda').then((m) => m.Agenda),
  },
];

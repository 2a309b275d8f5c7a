import { Routes } from '@angular/router';

// Anagrafiche: /anagrafiche/clienti and its pages.
export const CLIENTS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'clienti' },
  {
    path: 'clienti',
    title: $localize`:Page title@@page.clients:Clienti`,
    loadComponent: () => import('../../sections/section-placeholder').then((m) => m.SectionPlaceholder),
    data: { heading: $localize`:Page heading@@page.clients:Clienti` },
  },
];

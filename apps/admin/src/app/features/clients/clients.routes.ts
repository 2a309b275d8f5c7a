import { Routes } from '@angular/router';

// Anagrafiche: /anagrafiche/clienti and its pages.
export const CLIENTS_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'clienti' },
  {
    path: 'clienti',
    title: $localize`:Page title@@page.clients:Clienti`,
    loadComponent: () => import('./client-list/client-list').then((m) => m.ClientList),
  },
  {
    path: 'clienti/nuovo',
    title: $localize`:Browser tab title of the new client form@@clients.pageTitle.new:Nuovo cliente`,
    loadComponent: () => import('./client-form/client-form').then((m) => m.ClientFormPage),
  },
  {
    path: 'clienti/:id/modifica',
    title: $localize`:Browser tab title of the edit client form@@clients.pageTitle.edit:Modifica cliente`,
    loadComponent: () => import('./client-form/client-form').then((m) => m.ClientFormPage),
  },
  {
    path: 'clienti/:id',
    title: $localize`:Browser tab title of the client summary@@clients.pageTitle.summary:Riepilogo cliente`,
    loadComponent: () => import('./client-summary/client-summary').then((m) => m.ClientSummary),
  },
];

import { Route } from '@angular/router';
import { authGuard, guestGuard } from './auth/auth.guard';
import { APP_SECTIONS, DEFAULT_SECTION_PATH } from './sections';

const appName = $localize`:Product name@@app.name:Solleciti`;

export const appRoutes: Route[] = [
  {
    path: 'login',
    canActivate: [guestGuard],
    title: $localize`:Browser tab title of the login page@@login.pageTitle:Accedi · ${appName}:appName:`,
    loadComponent: () => import('./login/login').then((m) => m.Login),
  },
  {
    path: '',
    canActivate: [authGuard],
    canActivateChild: [authGuard],
    loadComponent: () => import('./layout/layout').then((m) => m.Layout),
    children: [
      ...APP_SECTIONS.map(
        (section): Route => ({
          path: section.path,
          title: `${section.label} · ${appName}`,
          // The section screens are not built yet, so every section shows the same placeholder page.
          loadComponent: () => import('./sections/section-placeholder').then((m) => m.SectionPlaceholder),
          data: { heading: section.label },
        }),
      ),
      { path: '', pathMatch: 'full', redirectTo: DEFAULT_SECTION_PATH },
    ],
  },
  { path: '**', redirectTo: DEFAULT_SECTION_PATH },
];

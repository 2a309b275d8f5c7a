/** A link of the side navigation. */
export interface NavLink {
  /** Absolute route, e.g. /anagrafiche/clienti. */
  path: string;
  label: string;
  /** Shown to administrators only; the route has its own guard and the API returns 403 to others. */
  adminOnly?: boolean;
}

/** A group of the side navigation: a heading with its links, or a single link. */
export interface NavGroup {
  label: string;
  links: readonly NavLink[];
}

/** Side navigation in display order, as Italian office software usually groups it. */
export const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: $localize`:Registry navigation group@@nav.registry:Anagrafiche`,
    links: [{ path: '/anagrafiche/clienti', label: $localize`:Clients page link@@nav.clients:Clienti` }],
  },
  {
    label: $localize`:Invoices navigation group@@nav.invoicesGroup:Fatture`,
    links: [{ path: '/fatture', label: $localize`:Invoices page link@@nav.invoices:Elenco fatture` }],
  },
  {
    label: $localize`:Collections and payments navigation group@@nav.payments:Incassi e pagamenti`,
    links: [{ path: '/incassi/agenda', label: $localize`:Agenda page link@@nav.agenda:Agenda` }],
  },
  {
    label: $localize`:Reminders navigation group@@nav.remindersGroup:Solleciti`,
    links: [{ path: '/solleciti', label: $localize`:Reminder history page link@@nav.reminders:Storico solleciti` }],
  },
  {
    label: $localize`:Settings navigation group@@nav.settings:Impostazioni`,
    links: [
      { path: '/impostazioni/solleciti', label: $localize`:Reminder settings page link@@nav.settings.reminders:Solleciti` },
      { path: '/impostazioni/server-di-posta', label: $localize`:Mail server page link@@nav.settings.mailServer:Server di posta` },
      { path: '/impostazioni/modelli-email', label: $localize`:E-mail templates page link@@nav.settings.templates:Modelli e-mail` },
      { path: '/impostazioni/chiavi-api', label: $localize`:API keys page link@@nav.settings.apiKeys:Chiavi API` },
      { path: '/impostazioni/utenti', label: $localize`:Users page link@@nav.settings.users:Utenti`, adminOnly: true },
    ],
  },
];

/** Route the user lands on after login and for unknown URLs. */
export const DEFAULT_PATH = '/fatture';

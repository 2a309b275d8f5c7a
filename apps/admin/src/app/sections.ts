/** A section of the authenticated area: one side nav link and one route. */
export interface AppSection {
  /** Route path, without a leading slash. */
  path: string;
  /** Text of the side nav link and heading of the section page. */
  label: string;
}

/** Sections in side nav order. */
export const APP_SECTIONS: readonly AppSection[] = [
  { path: 'impostazioni', label: $localize`:Settings section title@@section.settings:Impostazioni` },
  { path: 'anagrafiche', label: $localize`:Customers and suppliers registry section title@@section.registry:Anagrafiche` },
  { path: 'fatture', label: $localize`:Invoices section title@@section.invoices:Fatture` },
  { path: 'solleciti', label: $localize`:Payment reminders section title@@section.reminders:Solleciti` },
];

/** Route the user lands on after login and for unknown URLs. */
export const DEFAULT_SECTION_PATH = 'fatture';

import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Page shown for a section whose screens are not built yet. */
@Component({
  selector: 'sol-section-placeholder',
  template: `
    <h1 class="section-heading">{{ heading() }}</h1>
    <p i18n="Placeholder text of a section that is not built yet@@section.placeholder">Questa sezione è in preparazione.</p>
  `,
  styles: `
    .section-heading {
      margin: 0 0 16px;
      font: var(--mat-sys-headline-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SectionPlaceholder {
  /** Section title, bound from the route's `data.heading`. */
  readonly heading = input.required<string>();
}

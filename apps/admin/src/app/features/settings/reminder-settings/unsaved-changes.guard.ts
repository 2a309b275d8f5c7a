import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { CanDeactivateFn } from '@angular/router';
import { map } from 'rxjs';

/** A routed page that may hold edits not yet saved. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Confirmation shown before leaving a page with unsaved edits. It closes with true to leave. */
@Component({
  selector: 'sol-unsaved-changes-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2
      mat-dialog-title
      i18n="
        Title of the dialog shown when leaving a page with unsaved
        edits@@settings.reminders.leave.title"
    >
      Modifiche non salvate
    </h2>
    <mat-dialog-content>
      <p
        i18n="
          Question of the dialog shown when leaving a page with unsaved
          edits@@settings.reminders.leave.question"
      >
        Hai modifiche non salvate. Uscire senza salvare?
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        matButton
        type="button"
        [mat-dialog-close]="false"
        cdkFocusInitial
        i18n="
          Button that keeps the user on the page with unsaved edits@@settings.reminders.leave.stay"
      >
        Resta nella pagina
      </button>
      <button
        matButton="filled"
        type="button"
        [mat-dialog-close]="true"
        i18n="
          Button that leaves the page and drops the unsaved edits@@settings.reminders.leave.discard"
      >
        Esci senza salvare
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UnsavedChangesDialog {}

/** Asks for confirmation before the router leaves a page with unsaved edits. */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (page) => {
  if (!page.hasUnsavedChanges()) {
    return true;
  }

  return inject(MatDialog)
    .open<UnsavedChangesDialog, void, boolean>(UnsavedChangesDialog, { role: 'alertdialog' })
    .afterClosed()
    .pipe(map((leave) => leave === true));
};

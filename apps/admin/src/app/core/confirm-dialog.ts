import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

/** Texts of a confirmation for an action that cannot be undone, already localized by the caller. */
export interface ConfirmDialogData {
  title: string;
  message: string;
  /** Label of the red button that confirms, such as «Elimina». */
  confirmLabel: string;
}

/** Asks to confirm a destructive action; closes with true when confirmed. */
@Component({
  selector: 'sol-confirm-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p>{{ data.message }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        matButton
        type="button"
        [mat-dialog-close]="false"
        i18n="Button that cancels a destructive action@@confirm.cancel"
      >
        Annulla
      </button>
      <button matButton="filled" type="button" [mat-dialog-close]="true" class="confirm-button">
        {{ data.confirmLabel }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .confirm-button {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

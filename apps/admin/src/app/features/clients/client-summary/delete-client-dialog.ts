import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';

/** Data of the delete confirmation: the name of the client. */
export interface DeleteClientDialogData {
  name: string;
}

/** Asks to confirm the deletion of a client; closes with true when confirmed. */
@Component({
  selector: 'sol-delete-client-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title i18n="Title of the delete client confirmation@@clients.delete.title">Eliminare il cliente?</h2>
    <mat-dialog-content>
      <p i18n="Text of the delete client confirmation@@clients.delete.text">
        Il cliente «{{ data.name }}» sarà eliminato definitivamente. Si possono eliminare solo i clienti senza fatture.
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton type="button" [mat-dialog-close]="false" i18n="Button that keeps the client@@clients.delete.cancel">Annulla</button>
      <button matButton="filled" type="button" [mat-dialog-close]="true" class="delete-confirm"
        i18n="Button that confirms the deletion@@clients.delete.confirm">Elimina</button>
    </mat-dialog-actions>
  `,
  styles: `
    .delete-confirm {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeleteClientDialog {
  protected readonly data = inject<DeleteClientDialogData>(MAT_DIALOG_DATA);
}

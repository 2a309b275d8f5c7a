import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { CreatedApiKeyResponse } from '@solleciti/dto';

/** Shows a new API key once, with a copy button; the API never returns the whole key again. */
@Component({
  selector: 'sol-api-key-created-dialog',
  imports: [MatButton, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle],
  template: `
    <h2
      mat-dialog-title
      i18n="Title of the dialog that shows a new API key@@settings.apiKeys.created.title"
    >
      Chiave API creata
    </h2>
    <mat-dialog-content>
      <p
        class="created-warning"
        role="note"
        i18n="Warning that the API key is shown only once@@settings.apiKeys.created.warning"
      >
        Copia la chiave ora e conservala in un luogo sicuro: non sarà più mostrata. Se la perdi,
        revocala e creane una nuova.
      </p>
      <p
        class="created-label"
        id="created-key-label"
        i18n="Label of the new API key@@settings.apiKeys.created.label"
      >
        Chiave «{{ data.name }}»
      </p>
      <code class="created-key" data-testid="created-api-key" aria-labelledby="created-key-label">{{
        data.key
      }}</code>
      <p class="created-copied" role="status">
        @if (copied()) {
          <span i18n="Confirmation that the key was copied@@settings.apiKeys.created.copied"
            >Chiave copiata negli appunti.</span
          >
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        matButton
        type="button"
        (click)="copy()"
        i18n="Button that copies the API key@@settings.apiKeys.created.copy"
      >
        Copia chiave
      </button>
      <button
        matButton="filled"
        type="button"
        mat-dialog-close
        i18n="Button that closes the new key dialog@@settings.apiKeys.created.close"
      >
        Ho copiato la chiave
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .created-warning {
      padding: 12px 16px;
      border-radius: 8px;
      color: var(--mat-sys-on-tertiary-container);
      background: var(--mat-sys-tertiary-container);
    }

    .created-label {
      margin: 16px 0 4px;
      font: var(--mat-sys-label-large);
    }

    .created-key {
      display: block;
      padding: 12px;
      border-radius: 8px;
      overflow-wrap: anywhere;
      font-family: ui-monospace, monospace;
      background: var(--mat-sys-surface-container-highest);
    }

    .created-copied {
      min-height: 1.5em;
      margin: 8px 0 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiKeyCreatedDialog {
  private readonly clipboard = inject(Clipboard);
  protected readonly data = inject<CreatedApiKeyResponse>(MAT_DIALOG_DATA);
  protected readonly copied = signal(false);

  protected copy(): void {
    this.copied.set(this.clipboard.copy(this.data.key));
  }
}

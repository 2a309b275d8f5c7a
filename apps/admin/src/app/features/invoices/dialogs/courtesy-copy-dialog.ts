import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { DomSanitizer } from '@angular/platform-browser';

export interface CourtesyCopyDialogData {
  /** Object URL of the PDF; the opener revokes it when the dialog closes. */
  objectUrl: string;
  invoiceNumber: string;
  fileName: string;
}

/** Shows the courtesy copy PDF in an iframe, with links to open it in a tab or download it. */
@Component({
  selector: 'sol-courtesy-copy-dialog',
  imports: [MatButton, MatDialogActions, MatDialogContent, MatDialogTitle],
  template: `
    <h2 mat-dialog-title i18n="Title of the courtesy copy dialog@@invoices.courtesyCopy.title">
      Copia di cortesia della fattura {{ data.invoiceNumber }}
    </h2>
    <mat-dialog-content class="courtesy-copy-content">
      <iframe class="courtesy-copy-frame" [src]="safeUrl()" title="Copia di cortesia" i18n-title="Accessible name of the PDF frame@@invoices.courtesyCopy.frameTitle"></iframe>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <a matButton [href]="safeUrl()" target="_blank" rel="noopener" i18n="Link that opens the PDF in a new tab@@invoices.courtesyCopy.openInTab">Apri in una nuova scheda</a>
      <a matButton [href]="safeUrl()" [attr.download]="data.fileName" i18n="Link that downloads the PDF@@invoices.courtesyCopy.download">Scarica</a>
      <button matButton="filled" type="button" (click)="dialogRef.close()" i18n="Close button of a dialog@@invoices.dialog.close">Chiudi</button>
    </mat-dialog-actions>
  `,
  styles: `
    .courtesy-copy-content {
      max-height: none;
    }

    .courtesy-copy-frame {
      display: block;
      width: min(900px, 85vw);
      height: 70vh;
      border: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CourtesyCopyDialog {
  protected readonly data = inject<CourtesyCopyDialogData>(MAT_DIALOG_DATA);
  protected readonly dialogRef = inject(MatDialogRef);
  private readonly sanitizer = inject(DomSanitizer);

  // The URL is a blob: URL made by this app from the API's PDF, so it is trusted for the iframe.
  protected readonly safeUrl = computed(() => this.sanitizer.bypassSecurityTrustResourceUrl(this.data.objectUrl));
}

import { HttpClient, HttpEventType } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, LOCALE_ID, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ImportFileResult, ImportResponse } from '@solleciti/dto';

import { PlainDatePipe } from '../../../core/formatting';
import { describeHttpError } from '../../../core/http-error';
import { IMPORT_STATUS_LABELS, documentTypeLabel } from '../invoice-labels';
import { InvoicesApi } from '../invoices-api';
import { REJECTION_REASON_TEXTS } from './rejection-reasons';

/** File names the API reads: FatturaPA XML, signed (.xml.p7m) or not. */
const ACCEPTED_FILE_PATTERN = /\.(xml|p7m)$/i;

type ImportPhase = 'choosing' | 'uploading' | 'processing' | 'done';

interface ResultRow extends ImportFileResult {
  statusLabel: string;
  /** Reason the file was not imported, in the user's language. */
  reasonText: string;
}

/** Importa fatture: drop or pick FatturaPA files, upload them with a progress bar, show one result per file. */
@Component({
  selector: 'sol-invoice-import',
  imports: [MatButton, MatProgressBar, PlainDatePipe, RouterLink],
  templateUrl: './invoice-import.html',
  styleUrl: './invoice-import.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceImport {
  private readonly api = inject(InvoicesApi);
  // The route provides an HttpClient on the XMLHttpRequest backend, which reports upload progress.
  private readonly http = inject(HttpClient);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly files = signal<File[]>([]);
  protected readonly ignoredFileNames = signal<string[]>([]);
  protected readonly dragging = signal(false);
  protected readonly phase = signal<ImportPhase>('choosing');
  /** Upload progress in percent, while uploading. */
  protected readonly uploadPercent = signal(0);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly response = signal<ImportResponse | null>(null);

  protected readonly results = computed<ResultRow[]>(() =>
    (this.response()?.files ?? []).map((file) => ({
      ...file,
      statusLabel: IMPORT_STATUS_LABELS[file.status],
      reasonText: file.reason ? REJECTION_REASON_TEXTS[file.reason] : '',
    })),
  );
  protected readonly busy = computed(() => this.phase() === 'uploading' || this.phase() === 'processing');
  protected readonly documentTypeLabel = documentTypeLabel;
  private readonly sizeFormat = new Intl.NumberFormat(inject(LOCALE_ID), { maximumFractionDigits: 1 });

  /** Formats a file size in the user's locale: "4,7 KB" in Italian, bytes below one kilobyte. */
  protected fileSize(bytes: number): string {
    return bytes < 1024 ? `${bytes} B` : `${this.sizeFormat.format(bytes / 1024)} KB`;
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) {
      event.dataTransfer.dropEffect = this.busy() ? 'none' : 'copy';
    }
    this.dragging.set(true);
  }

  protected onDragLeave(event: DragEvent): void {
    // dragleave also fires when the pointer moves onto a child of the drop area.
    const target = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node) || !target.contains(event.relatedTarget)) {
      this.dragging.set(false);
    }
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging.set(false);
    if (!this.busy()) {
      this.addFiles(Array.from(event.dataTransfer?.files ?? []));
    }
  }

  protected onPick(input: HTMLInputElement): void {
    this.addFiles(Array.from(input.files ?? []));
    // Clearing the input lets the user pick the same file again after removing it.
    input.value = '';
  }

  protected removeFile(index: number): void {
    this.files.update((files) => files.filter((_file, fileIndex) => fileIndex !== index));
  }

  protected clearFiles(): void {
    this.files.set([]);
    this.ignoredFileNames.set([]);
  }

  protected startOver(): void {
    this.clearFiles();
    this.response.set(null);
    this.errorMessage.set(null);
    this.phase.set('choosing');
  }

  protected upload(): void {
    const files = this.files();
    if (files.length === 0 || this.busy()) {
      return;
    }

    this.phase.set('uploading');
    this.uploadPercent.set(0);
    this.errorMessage.set(null);
    this.response.set(null);

    this.api
      .importFiles(files, this.http)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? 0;
            const percent = total > 0 ? Math.round((100 * event.loaded) / total) : 0;
            this.uploadPercent.set(percent);
            // Once every byte is sent the server reads the files, which takes a while for many files.
            if (total > 0 && event.loaded >= total) {
              this.phase.set('processing');
            }
          } else if (event.type === HttpEventType.Response) {
            this.response.set(event.body);
            this.files.set([]);
            this.ignoredFileNames.set([]);
            this.phase.set('done');
          }
        },
        error: (error: unknown) => {
          this.errorMessage.set(describeHttpError(error));
          this.phase.set('choosing');
        },
      });
  }

  private addFiles(picked: File[]): void {
    const accepted = picked.filter((file) => ACCEPTED_FILE_PATTERN.test(file.name));
    const ignored = picked.filter((file) => !ACCEPTED_FILE_PATTERN.test(file.name)).map((file) => file.name);

    if (this.phase() === 'done') {
      this.response.set(null);
      this.phase.set('choosing');
    }
    this.errorMessage.set(null);
    this.ignoredFileNames.set(ignored);
    this.files.update((files) => {
      const known = new Set(files.map(fileKey));

      return [...files, ...accepted.filter((file) => !known.has(fileKey(file)))];
    });
  }
}

function fileKey(file: File): string {
  return `${file.name}|${file.size}|${file.lastModified}`;
}

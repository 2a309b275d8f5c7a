import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** Saves a file that the app received from the API, as the browser's own download would. */
@Injectable({ providedIn: 'root' })
export class FileDownload {
  private readonly document = inject(DOCUMENT);

  /** Offers `blob` as a download named `fileName`, through a temporary link to a blob: URL. */
  save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.style.display = 'none';
    this.document.body.appendChild(link);
    link.click();
    link.remove();
    // Revoked on the next task, after the browser has started the download.
    setTimeout(() => URL.revokeObjectURL(url));
  }
}

/** Returns the file name of a Content-Disposition header, or `fallback` when it names none. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/.exec(header) : null;

  return match ? match[1] : fallback;
}

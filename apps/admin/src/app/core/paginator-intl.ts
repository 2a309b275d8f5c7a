import { Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';

/** Paginator texts in the app's language ("Elementi per pagina", "1 – 25 di 100"). */
@Injectable()
export class LocalizedPaginatorIntl extends MatPaginatorIntl {
  override itemsPerPageLabel = $localize`:Paginator label@@paginator.itemsPerPage:Elementi per pagina`;
  override nextPageLabel = $localize`:Paginator button@@paginator.next:Pagina successiva`;
  override previousPageLabel = $localize`:Paginator button@@paginator.previous:Pagina precedente`;
  override firstPageLabel = $localize`:Paginator button@@paginator.first:Prima pagina`;
  override lastPageLabel = $localize`:Paginator button@@paginator.last:Ultima pagina`;

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0 || pageSize === 0) {
      return $localize`:Paginator range with no items@@paginator.rangeEmpty:0 di ${length}:length:`;
    }

    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);

    return $localize`:Paginator range, e.g. 1 – 25 di 100@@paginator.range:${start}:start: – ${end}:end: di ${length}:length:`;
  };
}

import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';

/** Shows "<page> · Solleciti" in the browser tab, so each route only names its page. */
@Injectable()
export class ProductTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const productName = $localize`:Product name@@app.name:Solleciti`;
    const page = this.buildTitle(snapshot);

    this.title.setTitle(page ? `${page} · ${productName}` : productName);
  }
}

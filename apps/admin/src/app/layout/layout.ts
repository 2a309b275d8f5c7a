import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { APP_SECTIONS } from '../sections';

/** Media query for screens where the side nav becomes a closed overlay behind a menu button, so the page keeps its full width. */
const NARROW_SCREEN_QUERY = '(max-width: 599.98px)';

/** Frame of the logged-in area: toolbar with logout, side nav with the sections, and the section page. */
@Component({
  selector: 'sol-layout',
  imports: [
    MatButton,
    MatIconButton,
    MatListItem,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
  ],
  templateUrl: './layout.html',
  styleUrl: './layout.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Layout {
  private readonly auth = inject(AuthService);

  protected readonly sections = APP_SECTIONS;
  protected readonly isNarrowScreen = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Whether the side nav is open; read by the menu button's aria-expanded. */
  protected readonly sidenavOpened = signal(false);

  protected logout(): void {
    this.auth.logout();
  }
}

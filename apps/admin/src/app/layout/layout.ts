import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatListItem, MatNavList } from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';

import { AuthService } from '../auth/auth.service';
import { CompanyContext } from '../core/company-context';
import { describeHttpError } from '../core/http-error';
import { CompanySetup } from './company-setup';
import { NAV_GROUPS } from '../sections';

/** Media query for screens where the side nav becomes a closed overlay behind a menu button, so the page keeps its full width. */
const NARROW_SCREEN_QUERY = '(max-width: 599.98px)';

/**
 * Frame of the logged-in area: top bar with the company selector and the user menu, side nav with
 * the sections, and the page. The pages render only once the companies are loaded.
 */
@Component({
  selector: 'sol-layout',
  imports: [
    CompanySetup,
    MatButton,
    MatIconButton,
    MatListItem,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatNavList,
    MatOption,
    MatSelect,
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
export class Layout implements OnInit {
  private readonly auth = inject(AuthService);
  protected readonly companyContext = inject(CompanyContext);

  /** The navigation without the administrator links for other users. */
  protected readonly navGroups = computed(() => {
    const isAdmin = this.auth.isAdmin();

    return NAV_GROUPS.map((group) => ({
      ...group,
      links: group.links.filter((link) => isAdmin || !link.adminOnly),
    }));
  });
  protected readonly isAdmin = this.auth.isAdmin;
  protected readonly username = this.auth.username;
  protected readonly loadError = signal<string | null>(null);
  protected readonly isNarrowScreen = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_SCREEN_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Whether the side nav is open; read by the menu button's aria-expanded. */
  protected readonly sidenavOpened = signal(false);

  async ngOnInit(): Promise<void> {
    try {
      await Promise.all([this.companyContext.load(), this.auth.loadCurrentUser()]);
    } catch (error) {
      this.loadError.set(describeHttpError(error));
    }
  }

  protected selectCompany(companyId: number): void {
    this.companyContext.select(companyId);
  }

  protected logout(): void {
    this.companyContext.reset();
    this.auth.logout();
  }
}

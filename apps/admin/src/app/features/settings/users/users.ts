import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { UserResponse } from '@solleciti/dto';
import { firstValueFrom } from 'rxjs';

import { AuthService } from '../../../auth/auth.service';
import { CompanyContext } from '../../../core/company-context';
import { ConfirmDialog, ConfirmDialogData } from '../../../core/confirm-dialog';
import { describeHttpError } from '../../../core/http-error';
import { ROLE_LABELS } from './user-labels';
import { UserDialog, UserDialogData } from './user-dialog';
import { UsersApi } from './users-api';

/**
 * Impostazioni › Utenti, for administrators: every user with role and assigned companies, and
 * dialogs to add, change and delete users. The API enforces the same rules and returns 403 to staff.
 */
@Component({
  selector: 'sol-users',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    MatTable,
  ],
  templateUrl: './users.html',
  styleUrl: './users.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Users implements OnInit {
  private readonly api = inject(UsersApi);
  private readonly auth = inject(AuthService);
  private readonly companyContext = inject(CompanyContext);
  private readonly dialog = inject(MatDialog);

  protected readonly columns = ['username', 'role', 'companies', 'actions'];
  protected readonly users = signal<UserResponse[]>([]);
  protected readonly loading = signal(true);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly currentUserId = computed(() => this.auth.currentUser()?.id ?? null);
  private readonly companyNames = computed(
    () => new Map(this.companyContext.companies().map((company) => [company.id, company.name])),
  );

  async ngOnInit(): Promise<void> {
    await this.load();
  }

  protected roleLabel(user: UserResponse): string {
    return ROLE_LABELS[user.role];
  }

  protected companiesOf(user: UserResponse): string {
    if (user.role === 'admin') {
      return $localize`:Companies of an administrator@@users.companies.all:Tutte`;
    }
    if (user.companyIds.length === 0) {
      return $localize`:Staff user without companies@@users.companies.none:Nessuna`;
    }

    return user.companyIds.map((id) => this.companyNames().get(id) ?? `#${id}`).join(', ');
  }

  protected editLabel(user: UserResponse): string {
    return $localize`:Accessible name of the edit button of one user@@users.edit.label:Modifica l'utente ${user.username}:username:`;
  }

  protected deleteLabel(user: UserResponse): string {
    return $localize`:Accessible name of the delete button of one user@@users.delete.label:Elimina l'utente ${user.username}:username:`;
  }

  protected async openDialog(user: UserResponse | null): Promise<void> {
    const data: UserDialogData = {
      user,
      companies: this.companyContext.companies(),
      isSelf: user !== null && user.id === this.currentUserId(),
    };
    const saved = await firstValueFrom(
      this.dialog.open(UserDialog, { data, width: '520px' }).afterClosed(),
    );
    if (saved) {
      await this.load();
    }
  }

  protected async remove(user: UserResponse): Promise<void> {
    const data: ConfirmDialogData = {
      title: $localize`:Title of the delete user confirmation@@users.delete.title:Eliminare l'utente?`,
      message: $localize`:Text of the delete user confirmation@@users.delete.text:L'utente «${user.username}:username:» non potrà più accedere, le sue sessioni aperte termineranno subito e le chiavi API che ha creato saranno revocate.`,
      confirmLabel: $localize`:Button that confirms the deletion of a user@@users.delete.confirm:Elimina`,
    };
    const confirmed = await firstValueFrom(this.dialog.open(ConfirmDialog, { data }).afterClosed());
    if (confirmed !== true) {
      return;
    }

    this.errorMessage.set(null);
    try {
      await firstValueFrom(this.api.remove(user.id));
      await this.load();
    } catch (error) {
      this.errorMessage.set(describeHttpError(error));
    }
  }

  private async load(): Promise<void> {
    this.loading.set(true);
    try {
      this.users.set(await firstValueFrom(this.api.list()));
    } catch (error) {
      this.errorMessage.set(describeHttpError(error));
    } finally {
      this.loading.set(false);
    }
  }
}

import { HttpErrorResponse, HttpStatusCode } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthService } from '../auth/auth.service';
import { DEFAULT_PATH } from '../sections';

type LoginForm = FormGroup<{
  username: FormControl<string>;
  password: FormControl<string>;
}>;

@Component({
  selector: 'sol-login',
  imports: [ReactiveFormsModule, MatButton, MatCard, MatCardContent, MatError, MatFormField, MatInput, MatLabel],
  templateUrl: './login.html',
  styleUrl: './login.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly form: LoginForm = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  protected readonly submitting = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly sessionExpired =
    inject(ActivatedRoute).snapshot.queryParamMap.get('motivo') === 'sessione-scaduta';

  protected submit(): void {
    if (this.submitting()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }

    this.submitting.set(true);
    this.errorMessage.set(null);
    this.auth.login(this.form.getRawValue()).subscribe({
      next: () => {
        void this.router.navigateByUrl(DEFAULT_PATH);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        this.errorMessage.set(loginErrorMessage(error));
      },
    });
  }
}

function loginErrorMessage(error: unknown): string {
  const unavailable = $localize`:Login error when the API is down or unreachable@@login.error.unavailable:Servizio non raggiungibile. Riprova tra poco.`;

  if (!(error instanceof HttpErrorResponse)) {
    // A 2xx response without a token means the API cannot be used either.
    console.error('Login failed.', error);
    return unavailable;
  }
  if (error.status === HttpStatusCode.Unauthorized) {
    return $localize`:Login error for wrong credentials@@login.error.invalidCredentials:Nome utente o password non corretti.`;
  }
  // 423 Locked and 429 Too Many Requests: the API blocks an account after repeated failures.
  if (error.status === 423 || error.status === HttpStatusCode.TooManyRequests) {
    return $localize`:Login error for a temporarily locked account@@login.error.locked:Troppi tentativi di accesso: l'account è bloccato per qualche minuto. Riprova più tardi.`;
  }
  // Status 0 is a network error, so no response reached the browser.
  if (error.status === 0 || error.status >= 500) {
    return unavailable;
  }
  console.error(`Login failed with HTTP status ${error.status}.`, error);
  return $localize`:Login error for other HTTP statuses such as 400 or 429@@login.error.other:Accesso non riuscito. Riprova tra poco.`;
}

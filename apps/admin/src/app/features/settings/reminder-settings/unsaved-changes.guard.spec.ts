import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { Observable, firstValueFrom, isObservable } from 'rxjs';

import { HasUnsavedChanges, unsavedChangesGuard } from './unsaved-changes.guard';

@Component({ selector: 'sol-test-host', template: '' })
class TestHost {}

describe('unsavedChangesGuard', () => {
  function runGuard(hasChanges: boolean): ReturnType<typeof unsavedChangesGuard> {
    const page: HasUnsavedChanges = { hasUnsavedChanges: () => hasChanges };

    return TestBed.runInInjectionContext(() =>
      unsavedChangesGuard(
        page,
        {} as ActivatedRouteSnapshot,
        {} as RouterStateSnapshot,
        {} as RouterStateSnapshot,
      ),
    );
  }

  async function answer(buttonText: string): Promise<boolean> {
    const fixture = TestBed.createComponent(TestHost);
    const result = runGuard(true);
    expect(isObservable(result)).toBe(true);
    const decision = firstValueFrom(result as Observable<boolean>);

    const dialog =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getText()).toContain('Hai modifiche non salvate. Uscire senza salvare?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: buttonText }))).click();

    return decision;
  }

  it('lets a clean page go', () => {
    expect(runGuard(false)).toBe(true);
  });

  it('stays when the user chooses to', async () => {
    expect(await answer('Resta nella pagina')).toBe(false);
  });

  it('leaves when the user confirms', async () => {
    expect(await answer('Esci senza salvare')).toBe(true);
  });
});

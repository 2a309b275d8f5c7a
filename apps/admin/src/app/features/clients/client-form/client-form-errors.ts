import { ValidationErrors } from '@angular/forms';

import type { EmailProblem } from '../italian-identifiers';

/** Fields of the client form that have their own wording for the same kind of error. */
export type ClientFormField =
  | 'companyName'
  | 'publicBodyName'
  | 'firstName'
  | 'lastName'
  | 'vatNumber'
  | 'fiscalCode'
  | 'officeCode'
  | 'recipientCode'
  | 'email'
  | 'pec'
  | 'phone'
  | 'address'
  | 'postalCode'
  | 'province'
  | 'country';

const REQUIRED_MESSAGES: Partial<Record<ClientFormField, string>> = {
  companyName: $localize`:Validation error, empty business name@@clients.form.error.companyNameRequired:Inserisci la ragione sociale`,
  publicBodyName: $localize`:Validation error, empty name of a public body@@clients.form.error.publicBodyNameRequired:Inserisci la denominazione dell'ente`,
  firstName: $localize`:Validation error, empty first name@@clients.form.error.firstNameRequired:Inserisci il nome`,
  lastName: $localize`:Validation error, empty last name@@clients.form.error.lastNameRequired:Inserisci il cognome`,
  vatNumber: $localize`:Validation error, a business needs a VAT number or at least a fiscal code@@clients.form.error.vatNumberRequired:Inserisci la partita IVA, o almeno il codice fiscale se l'azienda non ha partita IVA`,
  fiscalCode: $localize`:Validation error, empty fiscal code@@clients.form.error.fiscalCodeRequired:Inserisci il codice fiscale`,
  officeCode: $localize`:Validation error, empty office code of a public body@@clients.form.error.officeCodeRequired:Inserisci il codice univoco ufficio`,
};

function emailMessage(problem: EmailProblem, pec: boolean): string {
  switch (problem) {
    case 'spaces':
      return pec
        ? $localize`:Validation error, PEC address with spaces@@clients.form.error.pecSpaces:Indirizzo PEC non valido: contiene spazi`
        : $localize`:Validation error, e-mail address with spaces@@clients.form.error.emailSpaces:Indirizzo e-mail non valido: contiene spazi`;
    case 'missingAt':
      return pec
        ? $localize`:Validation error, PEC address without the at sign@@clients.form.error.pecMissingAt:Indirizzo PEC non valido: manca la @`
        : $localize`:Validation error, e-mail address without the at sign@@clients.form.error.emailMissingAt:Indirizzo e-mail non valido: manca la @`;
    case 'invalidLocalPart':
      return pec
        ? $localize`:Validation error, PEC address with a bad part before the at sign@@clients.form.error.pecLocalPart:Indirizzo PEC non valido: la parte prima della @ è vuota o contiene caratteri non ammessi`
        : $localize`:Validation error, e-mail address with a bad part before the at sign@@clients.form.error.emailLocalPart:Indirizzo e-mail non valido: la parte prima della @ è vuota o contiene caratteri non ammessi`;
    case 'incompleteDomain':
      return pec
        ? $localize`:Validation error, PEC address with an incomplete domain@@clients.form.error.pecDomain:Indirizzo PEC non valido: il dominio dopo la @ è incompleto (es. pec.example.it)`
        : $localize`:Validation error, e-mail address with an incomplete domain@@clients.form.error.emailDomain:Indirizzo e-mail non valido: il dominio dopo la @ è incompleto (es. example.it)`;
  }
}

/** Returns the Italian message for the first error of a client form field, or null when it has none. */
export function clientFieldErrorMessage(errors: ValidationErrors | null, field: ClientFormField): string | null {
  if (!errors) {
    return null;
  }
  if (errors['required']) {
    return REQUIRED_MESSAGES[field] ?? $localize`:Validation error, empty required field@@clients.form.error.required:Campo obbligatorio`;
  }
  if (errors['fiscalCode']) {
    return (errors['fiscalCode'] as { problem: string }).problem === 'checkCharacter'
      ? $localize`:Validation error, fiscal code with a wrong check character@@clients.form.error.fiscalCodeCheck:Codice fiscale non valido: il carattere di controllo non corrisponde`
      : $localize`:Validation error, fiscal code of the wrong shape@@clients.form.error.fiscalCodeFormat:Codice fiscale non valido: servono 16 caratteri per una persona (es. RSSMRA85T10A562S) o 11 cifre per un ente`;
  }
  if (errors['vatNumber']) {
    switch ((errors['vatNumber'] as { problem: string }).problem) {
      case 'checkCharacter':
        return $localize`:Validation error, VAT number with a wrong check digit@@clients.form.error.vatNumberCheck:Partita IVA non valida: la cifra di controllo non corrisponde`;
      case 'foreignFormat':
        return $localize`:Validation error, foreign VAT number of the wrong shape@@clients.form.error.vatNumberForeign:Partita IVA estera non valida: scrivi il codice del paese seguito dal numero, es. DE123456789`;
      default:
        return $localize`:Validation error, Italian VAT number of the wrong shape@@clients.form.error.vatNumberFormat:Partita IVA non valida: servono 11 cifre`;
    }
  }
  if (errors['recipientCode']) {
    const length = (errors['recipientCode'] as { length: number }).length;

    return field === 'officeCode'
      ? $localize`:Validation error, office code of a public body@@clients.form.error.officeCode:Codice univoco ufficio non valido: servono ${length}:length: lettere o cifre`
      : $localize`:Validation error, SDI recipient code@@clients.form.error.recipientCode:Codice destinatario non valido: servono ${length}:length: lettere o cifre`;
  }
  if (errors['email']) {
    return emailMessage((errors['email'] as { problem: EmailProblem }).problem, field === 'pec');
  }
  if (errors['cap']) {
    return $localize`:Validation error, Italian postal code@@clients.form.error.cap:CAP non valido: servono 5 cifre`;
  }
  if (errors['province']) {
    return $localize`:Validation error, Italian province@@clients.form.error.province:Provincia non valida: usa la sigla di 2 lettere, es. MI`;
  }
  if (errors['country']) {
    return $localize`:Validation error, country code@@clients.form.error.country:Nazione non valida: usa il codice di 2 lettere, es. IT`;
  }
  if (errors['phone']) {
    return $localize`:Validation error, phone number@@clients.form.error.phone:Numero di telefono non valido: usa solo cifre, spazi e il prefisso +`;
  }
  // Checked last, so a field with its own rule (such as the 6-character office code) gives that reason.
  if (errors['maxlength']) {
    const max = (errors['maxlength'] as { requiredLength: number }).requiredLength;

    return $localize`:Validation error, text too long@@clients.form.error.maxLength:Testo troppo lungo: al massimo ${max}:max: caratteri`;
  }

  return $localize`:Validation error of an unknown kind@@clients.form.error.invalid:Valore non valido`;
}

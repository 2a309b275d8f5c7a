import { HttpErrorResponse } from '@angular/common/http';

/**
 * Returns a message for the user about a failed API call. The API's own messages are English and
 * technical, so only validation details (400) are shown as they are, after a localized lead.
 */
export function describeHttpError(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) {
    return $localize`:Unexpected error@@error.unexpected:Si è verificato un errore imprevisto. Riprova.`;
  }

  switch (error.status) {
    case 0:
      return $localize`:Server not reachable@@error.network:Servizio non raggiungibile. Riprova tra poco.`;
    case 400: {
      const details = apiMessages(error).join('; ');

      return $localize`:Invalid data sent to the API@@error.badRequest:Dati non validi: ${details}:details:`;
    }
    case 401:
      return $localize`:Session expired@@error.unauthorized:La sessione è scaduta. Accedi di nuovo.`;
    case 403:
      return $localize`:Forbidden@@error.forbidden:Non hai i permessi per questa operazione.`;
    case 404:
      return $localize`:Not found@@error.notFound:Elemento non trovato: potrebbe essere stato eliminato.`;
    case 409: {
      const details = apiMessages(error).join('; ');

      return $localize`:Conflict with existing data@@error.conflict:Operazione in conflitto con i dati esistenti: ${details}:details:`;
    }
    case 413:
      return $localize`:Upload too large@@error.tooLarge:Il file è troppo grande.`;
    default:
      return $localize`:Server error@@error.server:Errore del server. Riprova tra poco.`;
  }
}

/** Returns the message or messages of an API error body ({message: string | string[]}). */
export function apiMessages(error: HttpErrorResponse): string[] {
  const message = (error.error as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) {
    return message.map(String);
  }

  return typeof message === 'string' ? [message] : [];
}

import type { TestMailResponse } from '@solleciti/dto';

/** A failed test e-mail as the API returns it. */
export type TestMailFailure = Extract<TestMailResponse, { ok: false }>;

/** Matches Node.js and OpenSSL messages about certificates, such as "self-signed certificate". */
const CERTIFICATE_ERROR = /certificate|self[-_ ]signed|CERT_|ALTNAME/i;

/** Matches Node.js and OpenSSL codes and messages about the TLS handshake, such as "wrong version number". */
const TLS_ERROR = /SSL|TLS|wrong version number|handshake|EPROTO/;

/**
 * Explains in plain words why a test e-mail failed, from the system or nodemailer error code, the
 * SMTP reply code and the English error message. The raw server reply is shown separately.
 */
export function describeTestMailFailure(failure: TestMailFailure): string {
  const details = `${failure.code} ${failure.nodemailerCode ?? ''} ${failure.message}`;

  switch (failure.code) {
    case 'EAUTH':
      return $localize`:Test e-mail failure, the server rejected the credentials@@settings.mail.test.failure.auth:Nome utente o password non accettati dal server.`;
    case 'EDNS':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return $localize`:Test e-mail failure, the host name does not exist@@settings.mail.test.failure.dns:Server non trovato: controlla il nome dell'host.`;
    case 'ECONNREFUSED':
      return $localize`:Test e-mail failure, nothing listens on the port@@settings.mail.test.failure.refused:Il server non accetta connessioni su questa porta: controlla host e porta.`;
    case 'ETIMEDOUT':
      return $localize`:Test e-mail failure, the server did not answer@@settings.mail.test.failure.timeout:Il server non ha risposto in tempo: controlla host e porta, e che il firewall permetta la connessione.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return $localize`:Test e-mail failure, no network route to the server@@settings.mail.test.failure.unreachable:Il server non è raggiungibile dalla rete: controlla l'host e la connessione a Internet.`;
  }

  if (CERTIFICATE_ERROR.test(details)) {
    return $localize`:Test e-mail failure, the server's TLS certificate is invalid@@settings.mail.test.failure.certificate:Il certificato del server non è valido o non è attendibile: controlla il nome dell'host o chiedi al fornitore della posta.`;
  }
  if (failure.code === 'ETLS' || TLS_ERROR.test(details)) {
    return $localize`:Test e-mail failure, the TLS handshake failed@@settings.mail.test.failure.tls:La connessione sicura non è riuscita: controlla la sicurezza scelta (SSL/TLS di solito sulla porta 465, STARTTLS sulla 587).`;
  }
  if (failure.responseCode === 530) {
    return $localize`:Test e-mail failure, the server requires login@@settings.mail.test.failure.authRequired:Il server richiede l'autenticazione: inserisci nome utente e password.`;
  }

  switch (failure.code) {
    case 'ESOCKET':
    case 'ECONNECTION':
    case 'ECONNRESET':
      return $localize`:Test e-mail failure, the connection broke@@settings.mail.test.failure.socket:La connessione con il server si è interrotta: controlla porta e sicurezza (SSL/TLS o STARTTLS).`;
    case 'EENVELOPE':
      return $localize`:Test e-mail failure, sender or recipient rejected@@settings.mail.test.failure.envelope:Il server ha rifiutato il mittente o il destinatario: controlla l'indirizzo mittente e l'indirizzo di prova.`;
    case 'EMESSAGE':
      return $localize`:Test e-mail failure, message rejected@@settings.mail.test.failure.message:Il server ha rifiutato il messaggio.`;
    default:
      return $localize`:Test e-mail failure with an unknown cause@@settings.mail.test.failure.other:Invio non riuscito. Controlla le impostazioni e la risposta del server qui sotto.`;
  }
}

/** Returns the error code and English message, shown when the server sent no reply. */
export function technicalTestMailDetail(failure: TestMailFailure): string {
  return `${failure.code}: ${failure.message}`;
}

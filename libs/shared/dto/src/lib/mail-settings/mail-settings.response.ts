export interface MailSettingsResponse {
  companyId: number;
  /** False when the company sends from the system no-reply sender with the default template. */
  configured: boolean;
  host: string | null;
  port: number | null;
  security: 'tls' | 'starttls' | 'none' | null;
  username: string | null;
  /** Whether a password is stored; the password itself is never returned. */
  passwordSet: boolean;
  fromName: string | null;
  fromAddress: string | null;
}

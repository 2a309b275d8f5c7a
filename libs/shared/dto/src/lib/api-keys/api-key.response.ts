export interface ApiKeyResponse {
  id: number;
  name: string;
  /** The first characters of the key, such as "sk_Ab12Cd34", to tell keys apart; not enough to use it. */
  prefix: string;
  createdAt: string;
  /** Username of the user who created the key, or null for a key created before creators were recorded. */
  createdBy: string | null;
  /** ISO 8601 instant of the last request made with the key (updated at most once a minute), or null. */
  lastUsedAt: string | null;
}

/** A key just created: `key` is the full secret, returned only in this response. */
export interface CreatedApiKeyResponse extends ApiKeyResponse {
  key: string;
}

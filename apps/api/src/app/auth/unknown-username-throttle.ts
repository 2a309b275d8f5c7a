/** Most usernames tracked at once; the oldest entry goes first, so memory stays bounded under a spray of names. */
const MAX_TRACKED_USERNAMES = 10_000;

interface Entry {
  failures: number;
  lockedUntil: Date | null;
}

/**
 * Counts failed logins for usernames that do not exist and locks them like a real account, so
 * that a 429 after repeated failures does not tell an attacker which usernames exist.
 *
 * NOTE: the counts live in this process only, so each API instance counts on its own and a
 * restart clears them. Real accounts are counted in the database and do not have this gap.
 */
export class UnknownUsernameThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxFailures: number,
    private readonly lockMilliseconds: number,
  ) {}

  lockedUntil(username: string, now: Date): Date | null {
    const entry = this.entries.get(username);
    if (entry?.lockedUntil && entry.lockedUntil <= now) {
      this.entries.delete(username);

      return null;
    }

    return entry?.lockedUntil ?? null;
  }

  recordFailure(username: string, now: Date): void {
    const entry = this.entries.get(username) ?? { failures: 0, lockedUntil: null };
    this.entries.delete(username);
    entry.failures += 1;
    if (entry.failures >= this.maxFailures) {
      entry.failures = 0;
      entry.lockedUntil = new Date(now.getTime() + this.lockMilliseconds);
    }

    // Re-inserting moves the entry to the end of the Map's insertion order, so the first key is the oldest.
    this.entries.set(username, entry);
    if (this.entries.size > MAX_TRACKED_USERNAMES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) {
        this.entries.delete(oldest);
      }
    }
  }
}

/**
 * Builds a LIKE pattern that matches `search` anywhere, with % and _ taken literally. The escape
 * character is "!" because a backslash inside a string literal means different things to MySQL
 * and SQLite; use it with `ESCAPE '!'`.
 */
export function containsPattern(search: string): string {
  return `%${search.replace(/[!%_]/g, (character) => `!${character}`)}%`;
}

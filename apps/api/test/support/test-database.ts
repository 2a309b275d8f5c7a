import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';

export interface TestDatabase {
  url: string;
  kind: 'sqlite' | 'mariadb';
  drop(): Promise<void>;
}

/**
 * Creates an empty database for one test file: a new SQLite file, or, when TEST_DATABASE_URL
 * points at a MySQL/MariaDB server (as in CI), a new database on it that is dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env['TEST_DATABASE_URL'];

  if (!serverUrl) {
    const directory = mkdtempSync(join(tmpdir(), 'solleciti-test-'));

    return {
      url: `sqlite:${join(directory, 'test.sqlite')}`,
      kind: 'sqlite',
      drop: async () => rmSync(directory, { recursive: true, force: true }),
    };
  }

  const server = new URL(serverUrl);
  const name = `solleciti_test_${randomBytes(4).toString('hex')}`;
  const connect = () =>
    createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username),
      password: decodeURIComponent(server.password),
    });

  const connection = await connect();
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();

  return {
    url: `mysql://${server.username}:${server.password}@${server.hostname}:${server.port || 3306}/${name}`,
    kind: 'mariadb',
    drop: async () => {
      const cleanup = await connect();
      await cleanup.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await cleanup.end();
    },
  };
}

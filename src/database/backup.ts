import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSource } from 'typeorm';

interface SqliteHandle {
  backup(destination: string): Promise<unknown>;
}

/** A consistent copy of the database: SQLite's online backup, or pg_dump for PostgreSQL. */
export async function backupDatabase(dataSource: DataSource, out: string): Promise<void> {
  const file = resolve(out);
  mkdirSync(dirname(file), { recursive: true });
  if (dataSource.options.type === 'better-sqlite3') {
    const driver = dataSource.driver as unknown as { databaseConnection: SqliteHandle };
    await driver.databaseConnection.backup(file);
    return;
  }
  const url = (dataSource.options as { url?: string }).url;
  if (!url) throw new Error('URL PostgreSQL inconnue');
  await new Promise<void>((resolvePromise, reject) => {
    const child = spawn('pg_dump', ['--no-owner', '--format=custom', url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.pipe(createWriteStream(file));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`pg_dump a échoué (code ${code})`)),
    );
  });
}

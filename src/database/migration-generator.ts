import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { typeOrmOptions } from './typeorm-options.js';

/** The SQL that would bring the migrated database to the entities' schema (empty when in sync). */
export async function pendingSchemaQueries(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((q) => q.query);
}

function escape(sql: string): string {
  return sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) =>
    queries.map((q) => `    await queryRunner.query(\`${escape(q)}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

/**
 * Generates a migration for one database kind, the way `typeorm migration:generate` does: run the
 * committed migrations on an empty database, diff against the entities, write the difference.
 */
export async function generateMigration(
  db: DatabaseConfig,
  kind: 'sqlite' | 'postgres',
  name: string,
  timestamp: number,
  migrationsDir: string,
): Promise<string | null> {
  const dataSource = new DataSource(typeOrmOptions(db));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return null;
    const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
    const fileBase = `${timestamp}-${name}`;
    const dir = join(migrationsDir, kind);
    writeFileSync(
      join(dir, `${fileBase}.ts`),
      migrationSource(
        className,
        sql.upQueries.map((q) => q.query),
        sql.downQueries.map((q) => q.query).reverse(),
      ),
    );
    const indexPath = join(dir, 'index.ts');
    const index = readFileSync(indexPath, 'utf8')
      .replace(
        "import type { MigrationInterface } from 'typeorm';",
        `import type { MigrationInterface } from 'typeorm';\nimport { ${className} } from './${fileBase}.js';`,
      )
      .replace(/= \[(.*)\];/s, (_m, list: string) => {
        const items = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        return `= [${[...items, className].join(', ')}];`;
      });
    writeFileSync(indexPath, index);
    return join(dir, `${fileBase}.ts`);
  } finally {
    await dataSource.destroy();
  }
}

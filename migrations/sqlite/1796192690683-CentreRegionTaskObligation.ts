import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The centre's region and the task's obligation flag. Added and dropped in place (SQLite 3.35+):
 * rebuilding "centre", which other tables reference, fails its foreign keys once it has rows.
 */
export class CentreRegionTaskObligation1796192690683 implements MigrationInterface {
  name = 'CentreRegionTaskObligation1796192690683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "centre" ADD COLUMN "region" varchar(20) NOT NULL DEFAULT ('METROPOLE')`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_task" ADD COLUMN "obligation" boolean NOT NULL DEFAULT (0)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_task" DROP COLUMN "obligation"`);
    await queryRunner.query(`ALTER TABLE "centre" DROP COLUMN "region"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agrément's first day of validity, null for the rows recorded before it existed.
 * Added and dropped in place (SQLite 3.35+): no table rebuild.
 */
export class AgrementValidFrom1796194500000 implements MigrationInterface {
  name = 'AgrementValidFrom1796194500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agrement" ADD COLUMN "validFrom" varchar(10)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agrement" DROP COLUMN "validFrom"`);
  }
}

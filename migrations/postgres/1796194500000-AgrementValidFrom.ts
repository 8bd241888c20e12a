import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agrément's first day of validity, null for the rows recorded before it existed.
 */
export class AgrementValidFrom1796194500000 implements MigrationInterface {
  name = 'AgrementValidFrom1796194500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agrement" ADD "validFrom" character varying(10)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "agrement" DROP COLUMN "validFrom"`);
  }
}

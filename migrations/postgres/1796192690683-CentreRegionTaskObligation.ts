import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CentreRegionTaskObligation1796192690683 implements MigrationInterface {
  name = 'CentreRegionTaskObligation1796192690683';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "centre" ADD "region" character varying(20) NOT NULL DEFAULT 'METROPOLE'`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_task" ADD "obligation" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_task" DROP COLUMN "obligation"`);
    await queryRunner.query(`ALTER TABLE "centre" DROP COLUMN "region"`);
  }
}

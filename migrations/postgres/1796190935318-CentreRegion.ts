import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CentreRegion1796190935318 implements MigrationInterface {
  name = 'CentreRegion1796190935318';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "centre" ADD "region" character varying(20) NOT NULL DEFAULT 'METROPOLE'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "centre" DROP COLUMN "region"`);
  }
}

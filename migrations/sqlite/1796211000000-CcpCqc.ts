import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CcpCqc1796211000000 implements MigrationInterface {
  name = 'CcpCqc1796211000000';

  // Written by hand: a CCP (FIMO-type training) may give the CQC like a titre; column added in place.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ccp" ADD COLUMN "cqc" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "ccp" DROP COLUMN "cqc"`);
  }
}

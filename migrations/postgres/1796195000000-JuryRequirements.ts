import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JuryRequirements1796195000000 implements MigrationInterface {
  name = 'JuryRequirements1796195000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "habilitation" ADD "basis" character varying(12)`);
    await queryRunner.query(
      `ALTER TABLE "jury_member" ADD "licenceCategories" text NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(`ALTER TABLE "jury_member" ADD "cqcValidUntil" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "titre" ADD "juryRequirements" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "juryRequirements"`);
    await queryRunner.query(`ALTER TABLE "jury_member" DROP COLUMN "cqcValidUntil"`);
    await queryRunner.query(`ALTER TABLE "jury_member" DROP COLUMN "licenceCategories"`);
    await queryRunner.query(`ALTER TABLE "habilitation" DROP COLUMN "basis"`);
  }
}

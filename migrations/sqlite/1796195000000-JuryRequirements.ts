import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JuryRequirements1796195000000 implements MigrationInterface {
  name = 'JuryRequirements1796195000000';

  // Written by hand: columns added and dropped in place (other tables change in parallel).
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "habilitation" ADD COLUMN "basis" varchar(12)`);
    await queryRunner.query(
      `ALTER TABLE "jury_member" ADD COLUMN "licenceCategories" text NOT NULL DEFAULT ('[]')`,
    );
    await queryRunner.query(`ALTER TABLE "jury_member" ADD COLUMN "cqcValidUntil" varchar(10)`);
    await queryRunner.query(`ALTER TABLE "titre" ADD COLUMN "juryRequirements" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "juryRequirements"`);
    await queryRunner.query(`ALTER TABLE "jury_member" DROP COLUMN "cqcValidUntil"`);
    await queryRunner.query(`ALTER TABLE "jury_member" DROP COLUMN "licenceCategories"`);
    await queryRunner.query(`ALTER TABLE "habilitation" DROP COLUMN "basis"`);
  }
}

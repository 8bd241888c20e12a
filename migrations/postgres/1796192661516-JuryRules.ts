import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JuryRules1796192661516 implements MigrationInterface {
  name = 'JuryRules1796192661516';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "candidate" ADD "trainerIds" text NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `ALTER TABLE "jury_member" ADD "address" character varying(500) NOT NULL DEFAULT ''`,
    );
    await queryRunner.query(`ALTER TABLE "link_declaration" ADD "linkKind" character varying(12)`);
    await queryRunner.query(
      `ALTER TABLE "session_staff" ADD "convocationDate" character varying(10)`,
    );
    await queryRunner.query(`ALTER TABLE "session_staff" ADD "attendance" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "session_staff" ADD "arrivalTime" character varying(5)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_staff" DROP COLUMN "arrivalTime"`);
    await queryRunner.query(`ALTER TABLE "session_staff" DROP COLUMN "attendance"`);
    await queryRunner.query(`ALTER TABLE "session_staff" DROP COLUMN "convocationDate"`);
    await queryRunner.query(`ALTER TABLE "link_declaration" DROP COLUMN "linkKind"`);
    await queryRunner.query(`ALTER TABLE "jury_member" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "trainerIds"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class JuryRules1796192661516 implements MigrationInterface {
  name = 'JuryRules1796192661516';

  // Written by hand, as ConvocationProofsAndTitreTests: the generated rebuilds copied "candidate"
  // from a column list that did not know the convocation proof (merged in parallel), and drop
  // tables with foreign keys on when reverted. The columns are added and dropped in place.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD COLUMN "trainerIds" text NOT NULL DEFAULT ('[]')`,
    );
    await queryRunner.query(
      `ALTER TABLE "jury_member" ADD COLUMN "address" varchar(500) NOT NULL DEFAULT ('')`,
    );
    await queryRunner.query(`ALTER TABLE "link_declaration" ADD COLUMN "linkKind" varchar(12)`);
    await queryRunner.query(`ALTER TABLE "session_staff" ADD COLUMN "convocationDate" varchar(10)`);
    await queryRunner.query(`ALTER TABLE "session_staff" ADD COLUMN "attendance" varchar(8)`);
    await queryRunner.query(`ALTER TABLE "session_staff" ADD COLUMN "arrivalTime" varchar(5)`);
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

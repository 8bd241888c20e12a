import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConvocationProofsAndTitreTests1796192000000 implements MigrationInterface {
  name = 'ConvocationProofsAndTitreTests1796192000000';

  // Written by hand: the generated rebuilds (drop and copy "titre" and "candidate") run with the
  // foreign keys on inside TypeORM's transaction, where dropping "candidate" fails or cascades to
  // the rows that reference it. The columns are added and dropped in place instead.
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "titre" ADD COLUMN "examTests" text NOT NULL DEFAULT ('[]')`,
    );
    await queryRunner.query(
      `ALTER TABLE "titre" ADD COLUMN "convocationDocuments" text NOT NULL DEFAULT ('[]')`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD COLUMN "convocationProofKind" varchar(30)`,
    );
    await queryRunner.query(`ALTER TABLE "candidate" ADD COLUMN "convocationProofOn" varchar(10)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "convocationProofOn"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "convocationProofKind"`);
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "convocationDocuments"`);
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "examTests"`);
  }
}

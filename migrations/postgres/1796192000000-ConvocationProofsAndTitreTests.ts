import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ConvocationProofsAndTitreTests1796192000000 implements MigrationInterface {
  name = 'ConvocationProofsAndTitreTests1796192000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "titre" ADD "examTests" text NOT NULL DEFAULT '[]'`);
    await queryRunner.query(
      `ALTER TABLE "titre" ADD "convocationDocuments" text NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD "convocationProofKind" character varying(30)`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD "convocationProofOn" character varying(10)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "convocationProofOn"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "convocationProofKind"`);
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "convocationDocuments"`);
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "examTests"`);
  }
}

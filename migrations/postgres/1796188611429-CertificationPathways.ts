import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyPathwayApplicabilities,
  revertPathwayApplicabilities,
} from '../pathway-applicabilities.js';

export class CertificationPathways1796188611429 implements MigrationInterface {
  name = 'CertificationPathways1796188611429';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resit_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "candidateId" uuid NOT NULL, "step" character varying(12) NOT NULL, "deadline" character varying(10) NOT NULL, "outboxId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_816e085f22299fccf37dcdfab99" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_9ee6e9315a692be43c2940f5ac" ON "resit_notice"  ("candidateId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4b4c4f06c933eb18071d896825" ON "resit_notice"  ("recipientId", "candidateId", "step", "deadline") `,
    );
    await queryRunner.query(`ALTER TABLE "titre" ADD "prolongationUntil" character varying(10)`);
    await queryRunner.query(`ALTER TABLE "agrement" ADD "ccsCode" character varying(30)`);
    await queryRunner.query(
      `ALTER TABLE "exam_session" ADD "ceresCreatedOn" character varying(10)`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD "trainingStartDate" character varying(10)`,
    );
    await queryRunner.query(`ALTER TABLE "candidate" ADD "vaeNotifiedOn" character varying(10)`);
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD "vaeAllowedNatures" text NOT NULL DEFAULT '[]'`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD "vaeOverrideReason" character varying(500) NOT NULL DEFAULT ''`,
    );
    // Widened in place (the generator's DROP + ADD would lose every candidate's pathway).
    await queryRunner.query(
      `ALTER TABLE "candidate" ALTER COLUMN "pathway" TYPE character varying(20)`,
    );
    await applyPathwayApplicabilities(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await revertPathwayApplicabilities(queryRunner);
    await queryRunner.query(
      `UPDATE "candidate" SET "pathway" = 'FORMATION' WHERE length("pathway") > 10`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ALTER COLUMN "pathway" TYPE character varying(10)`,
    );
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "vaeOverrideReason"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "vaeAllowedNatures"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "vaeNotifiedOn"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "trainingStartDate"`);
    await queryRunner.query(`ALTER TABLE "exam_session" DROP COLUMN "ceresCreatedOn"`);
    await queryRunner.query(`ALTER TABLE "agrement" DROP COLUMN "ccsCode"`);
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "prolongationUntil"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4b4c4f06c933eb18071d896825"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ee6e9315a692be43c2940f5ac"`);
    await queryRunner.query(`DROP TABLE "resit_notice"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcCertificateReminders1796204784166 implements MigrationInterface {
  name = 'CqcCertificateReminders1796204784166';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cqc_certificate_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientKind" character varying(8) NOT NULL, "recipientId" uuid NOT NULL, "certificateId" uuid NOT NULL, "step" character varying(12) NOT NULL, "validUntil" character varying(10) NOT NULL, "outboxId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_ab75596edbeab375163f9226918" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c0b4e802b7a868652e228b6ee1" ON "cqc_certificate_notice"  ("certificateId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b1fdedcf5a8afe69c5e35413fb" ON "cqc_certificate_notice"  ("recipientKind", "recipientId", "certificateId", "step", "validUntil") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_confirm_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" character varying(64) NOT NULL, "certificateId" uuid NOT NULL, "expiresAt" character varying(24) NOT NULL, "usedAt" character varying(24), "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_56fbd2e62f66753bd4479ead731" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_beee6f7393379f06faa7ffe8bd" ON "cqc_confirm_token"  ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d4874f731ab612d613e59b2ef5" ON "cqc_confirm_token"  ("certificateId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d4874f731ab612d613e59b2ef5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_beee6f7393379f06faa7ffe8bd"`);
    await queryRunner.query(`DROP TABLE "cqc_confirm_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1fdedcf5a8afe69c5e35413fb"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0b4e802b7a868652e228b6ee1"`);
    await queryRunner.query(`DROP TABLE "cqc_certificate_notice"`);
  }
}

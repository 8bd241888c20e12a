import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcCertificateReminders1796204784166 implements MigrationInterface {
  name = 'CqcCertificateReminders1796204784166';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cqc_certificate_notice" ("id" varchar PRIMARY KEY NOT NULL, "recipientKind" varchar(8) NOT NULL, "recipientId" varchar NOT NULL, "certificateId" varchar NOT NULL, "step" varchar(12) NOT NULL, "validUntil" varchar(10) NOT NULL, "outboxId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c0b4e802b7a868652e228b6ee1" ON "cqc_certificate_notice" ("certificateId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b1fdedcf5a8afe69c5e35413fb" ON "cqc_certificate_notice" ("recipientKind", "recipientId", "certificateId", "step", "validUntil") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_confirm_token" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "certificateId" varchar NOT NULL, "expiresAt" varchar(24) NOT NULL, "usedAt" varchar(24), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_beee6f7393379f06faa7ffe8bd" ON "cqc_confirm_token" ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d4874f731ab612d613e59b2ef5" ON "cqc_confirm_token" ("certificateId") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_d4874f731ab612d613e59b2ef5"`);
    await queryRunner.query(`DROP INDEX "IDX_beee6f7393379f06faa7ffe8bd"`);
    await queryRunner.query(`DROP TABLE "cqc_confirm_token"`);
    await queryRunner.query(`DROP INDEX "IDX_b1fdedcf5a8afe69c5e35413fb"`);
    await queryRunner.query(`DROP INDEX "IDX_c0b4e802b7a868652e228b6ee1"`);
    await queryRunner.query(`DROP TABLE "cqc_certificate_notice"`);
  }
}

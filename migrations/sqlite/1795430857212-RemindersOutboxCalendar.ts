import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RemindersOutboxCalendar1795430857212 implements MigrationInterface {
  name = 'RemindersOutboxCalendar1795430857212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("userId" varchar PRIMARY KEY NOT NULL, "secretHash" varchar(64) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f9e3273bfcc552bcae0c60de20" ON "calendar_feed" ("secretHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar NOT NULL, "recipientEmail" varchar(254) NOT NULL, "kind" varchar(10) NOT NULL, "ref" varchar(40) NOT NULL, "step" varchar(12) NOT NULL, "date" varchar(10) NOT NULL, "messageId" varchar(100) NOT NULL, "subject" varchar(300) NOT NULL, "html" text NOT NULL, "text" text NOT NULL, "status" varchar(10) NOT NULL DEFAULT ('pending'), "attempts" integer NOT NULL DEFAULT (0), "lastError" text, "nextAttemptAt" varchar(24) NOT NULL, "leaseUntil" varchar(24), "claimToken" varchar(36), "sentAt" varchar(24), "emlPath" varchar(500), "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_77c1875845c0e4b7159770b023" ON "outbox_message" ("status", "nextAttemptAt") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2e525dcfd905d627e86afe9604" ON "outbox_message" ("recipientId", "kind", "ref", "step", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_notice" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar NOT NULL, "taskId" varchar NOT NULL, "step" varchar(12) NOT NULL, "stepDate" varchar(10) NOT NULL, "outboxId" varchar NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed23c60b62b9eed1f96545deef" ON "reminder_notice" ("taskId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_db75a29631ecebc605c8502a12" ON "reminder_notice" ("recipientId", "taskId", "step", "stepDate") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_policy" ("centreId" varchar PRIMARY KEY NOT NULL, "offsets" text NOT NULL, "overdueEveryDays" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "updatedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(`DROP INDEX "IDX_f9e3273bfcc552bcae0c60de20"`);
    await queryRunner.query(
      `CREATE TABLE "temporary_calendar_feed" ("userId" varchar PRIMARY KEY NOT NULL, "secretHash" varchar(64) NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_f6779773c62bb47bf4001a69060" FOREIGN KEY ("userId") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_calendar_feed"("userId", "secretHash", "createdAt") SELECT "userId", "secretHash", "createdAt" FROM "calendar_feed"`,
    );
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
    await queryRunner.query(`ALTER TABLE "temporary_calendar_feed" RENAME TO "calendar_feed"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f9e3273bfcc552bcae0c60de20" ON "calendar_feed" ("secretHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "temporary_reminder_policy" ("centreId" varchar PRIMARY KEY NOT NULL, "offsets" text NOT NULL, "overdueEveryDays" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "updatedAt" varchar(24) NOT NULL, CONSTRAINT "FK_9edd25f93a576eb65d5a2ec880e" FOREIGN KEY ("centreId") REFERENCES "centre" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `INSERT INTO "temporary_reminder_policy"("centreId", "offsets", "overdueEveryDays", "enabled", "updatedAt") SELECT "centreId", "offsets", "overdueEveryDays", "enabled", "updatedAt" FROM "reminder_policy"`,
    );
    await queryRunner.query(`DROP TABLE "reminder_policy"`);
    await queryRunner.query(`ALTER TABLE "temporary_reminder_policy" RENAME TO "reminder_policy"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminder_policy" RENAME TO "temporary_reminder_policy"`);
    await queryRunner.query(
      `CREATE TABLE "reminder_policy" ("centreId" varchar PRIMARY KEY NOT NULL, "offsets" text NOT NULL, "overdueEveryDays" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT (1), "updatedAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "reminder_policy"("centreId", "offsets", "overdueEveryDays", "enabled", "updatedAt") SELECT "centreId", "offsets", "overdueEveryDays", "enabled", "updatedAt" FROM "temporary_reminder_policy"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_reminder_policy"`);
    await queryRunner.query(`DROP INDEX "IDX_f9e3273bfcc552bcae0c60de20"`);
    await queryRunner.query(`ALTER TABLE "calendar_feed" RENAME TO "temporary_calendar_feed"`);
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("userId" varchar PRIMARY KEY NOT NULL, "secretHash" varchar(64) NOT NULL, "createdAt" varchar(24) NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "calendar_feed"("userId", "secretHash", "createdAt") SELECT "userId", "secretHash", "createdAt" FROM "temporary_calendar_feed"`,
    );
    await queryRunner.query(`DROP TABLE "temporary_calendar_feed"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f9e3273bfcc552bcae0c60de20" ON "calendar_feed" ("secretHash") `,
    );
    await queryRunner.query(`DROP TABLE "reminder_policy"`);
    await queryRunner.query(`DROP INDEX "IDX_db75a29631ecebc605c8502a12"`);
    await queryRunner.query(`DROP INDEX "IDX_ed23c60b62b9eed1f96545deef"`);
    await queryRunner.query(`DROP TABLE "reminder_notice"`);
    await queryRunner.query(`DROP INDEX "IDX_2e525dcfd905d627e86afe9604"`);
    await queryRunner.query(`DROP INDEX "IDX_77c1875845c0e4b7159770b023"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP INDEX "IDX_f9e3273bfcc552bcae0c60de20"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RemindersOutboxCalendar1795430857212 implements MigrationInterface {
  name = 'RemindersOutboxCalendar1795430857212';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_feed" ("userId" uuid NOT NULL, "secretHash" character varying(64) NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_f6779773c62bb47bf4001a69060" PRIMARY KEY ("userId"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f9e3273bfcc552bcae0c60de20" ON "calendar_feed"  ("secretHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "recipientEmail" character varying(254) NOT NULL, "kind" character varying(10) NOT NULL, "ref" character varying(40) NOT NULL, "step" character varying(12) NOT NULL, "date" character varying(10) NOT NULL, "messageId" character varying(100) NOT NULL, "subject" character varying(300) NOT NULL, "html" text NOT NULL, "text" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "lastError" text, "nextAttemptAt" character varying(24) NOT NULL, "leaseUntil" character varying(24), "claimToken" character varying(36), "sentAt" character varying(24), "emlPath" character varying(500), "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_77c1875845c0e4b7159770b023" ON "outbox_message"  ("status", "nextAttemptAt") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_2e525dcfd905d627e86afe9604" ON "outbox_message"  ("recipientId", "kind", "ref", "step", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "taskId" uuid NOT NULL, "step" character varying(12) NOT NULL, "stepDate" character varying(10) NOT NULL, "outboxId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_85c55f409f536e43e6e584beb07" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_ed23c60b62b9eed1f96545deef" ON "reminder_notice"  ("taskId") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_db75a29631ecebc605c8502a12" ON "reminder_notice"  ("recipientId", "taskId", "step", "stepDate") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reminder_policy" ("centreId" uuid NOT NULL, "offsets" text NOT NULL, "overdueEveryDays" integer NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "updatedAt" character varying(24) NOT NULL, CONSTRAINT "PK_9edd25f93a576eb65d5a2ec880e" PRIMARY KEY ("centreId"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_f6779773c62bb47bf4001a69060" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "reminder_policy" ADD CONSTRAINT "FK_9edd25f93a576eb65d5a2ec880e" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "reminder_policy" DROP CONSTRAINT "FK_9edd25f93a576eb65d5a2ec880e"`,
    );
    await queryRunner.query(
      `ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_f6779773c62bb47bf4001a69060"`,
    );
    await queryRunner.query(`DROP TABLE "reminder_policy"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_db75a29631ecebc605c8502a12"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ed23c60b62b9eed1f96545deef"`);
    await queryRunner.query(`DROP TABLE "reminder_notice"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e525dcfd905d627e86afe9604"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_77c1875845c0e4b7159770b023"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f9e3273bfcc552bcae0c60de20"`);
    await queryRunner.query(`DROP TABLE "calendar_feed"`);
  }
}

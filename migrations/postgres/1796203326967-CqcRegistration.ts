import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcRegistration1796203326967 implements MigrationInterface {
  name = 'CqcRegistration1796203326967';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cqc_registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "registeredOn" character varying(10) NOT NULL, "createdById" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_973f3387807a97658ab1ea0ec8b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5fa27eb73f1feba4b9f6ef53e1" ON "cqc_registration"  ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidateId" uuid NOT NULL, "registrationId" uuid NOT NULL, "validUntil" character varying(10) NOT NULL, "cardOrderedOn" character varying(10), "createdAt" character varying(24) NOT NULL, CONSTRAINT "REL_855d621e53e9a93054cf911d09" UNIQUE ("candidateId"), CONSTRAINT "PK_554f943c961e02f06152b223ca8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_855d621e53e9a93054cf911d09" ON "cqc_certificate"  ("candidateId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2da4bae66b2f2a330069647abd" ON "cqc_certificate"  ("registrationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12c51723b52dd75f2ad9cba22c" ON "cqc_certificate"  ("validUntil") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_driver" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidateId" uuid NOT NULL, "licenceNumber" character varying(15) NOT NULL, "orderNumber" character varying(50), "reference" character varying(50), "createdAt" character varying(24) NOT NULL, "updatedAt" character varying(24) NOT NULL, CONSTRAINT "REL_230d6a5206a3ab195f667c2a02" UNIQUE ("candidateId"), CONSTRAINT "PK_358e5bf49422520f754c46b182f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_230d6a5206a3ab195f667c2a02" ON "cqc_driver"  ("candidateId") `,
    );
    await queryRunner.query(`ALTER TABLE "titre" ADD "cqc" text`);
    await queryRunner.query(
      `ALTER TABLE "cqc_registration" ADD CONSTRAINT "FK_5fa27eb73f1feba4b9f6ef53e14" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cqc_certificate" ADD CONSTRAINT "FK_855d621e53e9a93054cf911d09c" FOREIGN KEY ("candidateId") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cqc_certificate" ADD CONSTRAINT "FK_2da4bae66b2f2a330069647abdf" FOREIGN KEY ("registrationId") REFERENCES "cqc_registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cqc_driver" ADD CONSTRAINT "FK_230d6a5206a3ab195f667c2a026" FOREIGN KEY ("candidateId") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cqc_driver" DROP CONSTRAINT "FK_230d6a5206a3ab195f667c2a026"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cqc_certificate" DROP CONSTRAINT "FK_2da4bae66b2f2a330069647abdf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cqc_certificate" DROP CONSTRAINT "FK_855d621e53e9a93054cf911d09c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cqc_registration" DROP CONSTRAINT "FK_5fa27eb73f1feba4b9f6ef53e14"`,
    );
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "cqc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_230d6a5206a3ab195f667c2a02"`);
    await queryRunner.query(`DROP TABLE "cqc_driver"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_12c51723b52dd75f2ad9cba22c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2da4bae66b2f2a330069647abd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_855d621e53e9a93054cf911d09"`);
    await queryRunner.query(`DROP TABLE "cqc_certificate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5fa27eb73f1feba4b9f6ef53e1"`);
    await queryRunner.query(`DROP TABLE "cqc_registration"`);
  }
}

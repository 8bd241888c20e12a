import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CqcRegistration1796203326967 implements MigrationInterface {
  name = 'CqcRegistration1796203326967';

  // Written by hand: new tables with their foreign keys, the titre's column added in place
  // (other tables change in parallel).
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "cqc_registration" ("id" varchar PRIMARY KEY NOT NULL, "sessionId" varchar NOT NULL, "registeredOn" varchar(10) NOT NULL, "createdById" varchar NOT NULL, "createdAt" varchar(24) NOT NULL, CONSTRAINT "FK_5fa27eb73f1feba4b9f6ef53e14" FOREIGN KEY ("sessionId") REFERENCES "exam_session" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5fa27eb73f1feba4b9f6ef53e1" ON "cqc_registration" ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_certificate" ("id" varchar PRIMARY KEY NOT NULL, "candidateId" varchar NOT NULL, "registrationId" varchar NOT NULL, "validUntil" varchar(10) NOT NULL, "cardOrderedOn" varchar(10), "createdAt" varchar(24) NOT NULL, CONSTRAINT "REL_855d621e53e9a93054cf911d09" UNIQUE ("candidateId"), CONSTRAINT "FK_855d621e53e9a93054cf911d09c" FOREIGN KEY ("candidateId") REFERENCES "candidate" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_2da4bae66b2f2a330069647abdf" FOREIGN KEY ("registrationId") REFERENCES "cqc_registration" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_855d621e53e9a93054cf911d09" ON "cqc_certificate" ("candidateId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_2da4bae66b2f2a330069647abd" ON "cqc_certificate" ("registrationId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_12c51723b52dd75f2ad9cba22c" ON "cqc_certificate" ("validUntil") `,
    );
    await queryRunner.query(
      `CREATE TABLE "cqc_driver" ("id" varchar PRIMARY KEY NOT NULL, "candidateId" varchar NOT NULL, "licenceNumber" varchar(15) NOT NULL, "orderNumber" varchar(50), "reference" varchar(50), "createdAt" varchar(24) NOT NULL, "updatedAt" varchar(24) NOT NULL, CONSTRAINT "REL_230d6a5206a3ab195f667c2a02" UNIQUE ("candidateId"), CONSTRAINT "FK_230d6a5206a3ab195f667c2a026" FOREIGN KEY ("candidateId") REFERENCES "candidate" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_230d6a5206a3ab195f667c2a02" ON "cqc_driver" ("candidateId") `,
    );
    await queryRunner.query(`ALTER TABLE "titre" ADD COLUMN "cqc" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "titre" DROP COLUMN "cqc"`);
    await queryRunner.query(`DROP INDEX "IDX_230d6a5206a3ab195f667c2a02"`);
    await queryRunner.query(`DROP TABLE "cqc_driver"`);
    await queryRunner.query(`DROP INDEX "IDX_12c51723b52dd75f2ad9cba22c"`);
    await queryRunner.query(`DROP INDEX "IDX_2da4bae66b2f2a330069647abd"`);
    await queryRunner.query(`DROP INDEX "IDX_855d621e53e9a93054cf911d09"`);
    await queryRunner.query(`DROP TABLE "cqc_certificate"`);
    await queryRunner.query(`DROP INDEX "IDX_5fa27eb73f1feba4b9f6ef53e1"`);
    await queryRunner.query(`DROP TABLE "cqc_registration"`);
  }
}

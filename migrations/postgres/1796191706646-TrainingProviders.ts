import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrainingProviders1796191706646 implements MigrationInterface {
  name = 'TrainingProviders1796191706646';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "training_provider" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "name" character varying(200) NOT NULL, "siret" character varying(14), "address" character varying(500) NOT NULL DEFAULT '', "contact" character varying(500) NOT NULL DEFAULT '', "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_73fd535f004f8ee674376c2a7be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_58cd55cfcf5c1e6e2efd55fa68" ON "training_provider"  ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "provider_convention" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "providerId" uuid NOT NULL, "centreId" uuid NOT NULL, "signedOn" character varying(10) NOT NULL, "effectiveFrom" character varying(10) NOT NULL, "sentToPrefectOn" character varying(10), "titreIds" text NOT NULL DEFAULT '[]', "certifications" character varying(500) NOT NULL DEFAULT '', "registrationTerms" text NOT NULL DEFAULT '', "forecastCurrentYear" integer NOT NULL, "forecastNextYear" integer NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_2059bce7f3a61fee6fd948637f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c1a532f04f5417ac00be8e2c8e" ON "provider_convention"  ("providerId") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_62c8258a084149b3edfe6e3b2f" ON "provider_convention"  ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "convention_avenant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "conventionId" uuid NOT NULL, "year" integer NOT NULL, "forecastCount" integer NOT NULL, "sentToPrefectOn" character varying(10), "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_f3d84eebf4d17eb9925bc7bc352" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6453f20295a4889923b876b3f8" ON "convention_avenant"  ("conventionId", "year") `,
    );
    await queryRunner.query(`ALTER TABLE "candidate" ADD "trainingProviderId" uuid`);
    await queryRunner.query(
      `CREATE INDEX "IDX_5cee727da22268909f2789fa8b" ON "candidate"  ("trainingProviderId") `,
    );
    await queryRunner.query(
      `ALTER TABLE "training_provider" ADD CONSTRAINT "FK_58cd55cfcf5c1e6e2efd55fa688" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD CONSTRAINT "FK_5cee727da22268909f2789fa8b8" FOREIGN KEY ("trainingProviderId") REFERENCES "training_provider"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_convention" ADD CONSTRAINT "FK_c1a532f04f5417ac00be8e2c8e3" FOREIGN KEY ("providerId") REFERENCES "training_provider"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "convention_avenant" ADD CONSTRAINT "FK_28d2e3dbd06a10a226665e40d30" FOREIGN KEY ("conventionId") REFERENCES "provider_convention"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "convention_avenant" DROP CONSTRAINT "FK_28d2e3dbd06a10a226665e40d30"`,
    );
    await queryRunner.query(
      `ALTER TABLE "provider_convention" DROP CONSTRAINT "FK_c1a532f04f5417ac00be8e2c8e3"`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" DROP CONSTRAINT "FK_5cee727da22268909f2789fa8b8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_provider" DROP CONSTRAINT "FK_58cd55cfcf5c1e6e2efd55fa688"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_5cee727da22268909f2789fa8b"`);
    await queryRunner.query(`ALTER TABLE "candidate" DROP COLUMN "trainingProviderId"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6453f20295a4889923b876b3f8"`);
    await queryRunner.query(`DROP TABLE "convention_avenant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_62c8258a084149b3edfe6e3b2f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1a532f04f5417ac00be8e2c8e"`);
    await queryRunner.query(`DROP TABLE "provider_convention"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_58cd55cfcf5c1e6e2efd55fa68"`);
    await queryRunner.query(`DROP TABLE "training_provider"`);
  }
}

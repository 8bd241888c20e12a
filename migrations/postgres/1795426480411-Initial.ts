import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795426480411 implements MigrationInterface {
  name = 'Initial1795426480411';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "site" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "name" character varying(200) NOT NULL, "address" character varying(300) NOT NULL DEFAULT '', "postalCode" character varying(10) NOT NULL DEFAULT '', "city" character varying(100) NOT NULL DEFAULT '', "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_635c0eeabda8862d5b0237b42b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a8f18680a0c541a6d28cf8b608" ON "site"  ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "centre" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "siret" character varying(20), "address" character varying(300) NOT NULL DEFAULT '', "postalCode" character varying(10) NOT NULL DEFAULT '', "city" character varying(100) NOT NULL DEFAULT '', "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_935b270f171eab8dc96443baeb3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "ccp" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "titreId" uuid NOT NULL, "code" character varying(30) NOT NULL, "label" character varying(300) NOT NULL, "kind" character varying(3) NOT NULL DEFAULT 'CCP', "position" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_29880120545b79ea25d29122b13" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_760f61557b416072adfd3ee8e4" ON "ccp"  ("titreId", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "titre" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(30) NOT NULL, "label" character varying(300) NOT NULL, "version" character varying(30) NOT NULL, "validUntil" character varying(10) NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_8226d03be415468a8cdd9af1a2d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e121943386223f143e4dd0b9e9" ON "titre"  ("code", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "agrement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "siteId" uuid NOT NULL, "titreId" uuid NOT NULL, "reference" character varying(50) NOT NULL DEFAULT '', "validUntil" character varying(10) NOT NULL, "maxCandidates" integer NOT NULL, "technicalPlatform" text NOT NULL DEFAULT '', "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_b41c9a0e442c09ef93f0e3d8cac" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cfffddd2e4ec61a80e9aa04c53" ON "agrement"  ("centreId", "siteId", "titreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "audit_entry" ("seq" SERIAL NOT NULL, "sessionId" uuid, "centreId" uuid, "entity" character varying(40) NOT NULL, "entityId" character varying(36) NOT NULL, "action" character varying(20) NOT NULL, "field" character varying(60), "before" text, "after" text, "actorId" uuid, "actorEmail" character varying(254) NOT NULL, "at" character varying(24) NOT NULL, CONSTRAINT "PK_bb4ea39cbd1686232d5fdda3a01" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d68cacd9ce56e0bd54c9f8d1ca" ON "audit_entry"  ("sessionId", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "user_centre" ("userId" uuid NOT NULL, "centreId" uuid NOT NULL, CONSTRAINT "PK_828a9c46bb192ab70ddf87edc0f" PRIMARY KEY ("userId", "centreId"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "passwordHash" character varying(200) NOT NULL, "role" character varying(10) NOT NULL, "firstName" character varying(100) NOT NULL DEFAULT '', "lastName" character varying(100) NOT NULL DEFAULT '', "active" boolean NOT NULL DEFAULT true, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" character varying(64) NOT NULL, "userId" uuid NOT NULL, "createdAt" character varying(24) NOT NULL, "expiresAt" character varying(24) NOT NULL, "revokedAt" character varying(24), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b8d5076cd3f3572829943b3f8a" ON "api_token"  ("tokenHash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "setup_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" character varying(64) NOT NULL, "createdAt" character varying(24) NOT NULL, "usedAt" character varying(24), CONSTRAINT "PK_24ef0fde3e1c093dfaddad0de7e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "exam_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "siteId" uuid NOT NULL, "titreId" uuid NOT NULL, "nature" character varying(5) NOT NULL, "ccpCodes" text NOT NULL, "startDate" character varying(10) NOT NULL, "endDate" character varying(10) NOT NULL, "startTime" character varying(5) NOT NULL DEFAULT '09:00', "location" character varying(300) NOT NULL DEFAULT '', "managerId" uuid, "deputyManagerId" uuid, "status" character varying(10) NOT NULL DEFAULT 'PLANNED', "cancelReason" text, "checklistVersion" integer NOT NULL DEFAULT '1', "createdAt" character varying(24) NOT NULL, "updatedAt" character varying(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_e95661f107b30b65c630381d1e2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f855c6951e13f61f586916061c" ON "exam_session"  ("centreId", "startDate") `,
    );
    await queryRunner.query(
      `CREATE TABLE "candidate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "lastName" character varying(100) NOT NULL, "firstName" character varying(100) NOT NULL, "birthDate" character varying(10), "email" character varying(254), "phone" character varying(30), "address" character varying(500) NOT NULL DEFAULT '', "pathway" character varying(10) NOT NULL DEFAULT 'FORMATION', "vaeValidUntil" character varying(10), "accommodationRequested" boolean NOT NULL DEFAULT false, "accommodationDetails" text NOT NULL DEFAULT '', "convocationDate" character varying(10), "convocationMode" character varying(20), "ecfSignedByTrainingManager" boolean NOT NULL DEFAULT false, "ecfSignedByTrainer" boolean NOT NULL DEFAULT false, "ecfSignedByCandidate" boolean NOT NULL DEFAULT false, "dpSigned" boolean NOT NULL DEFAULT false, "certificationBooklet" boolean NOT NULL DEFAULT false, "recevabiliteCollected" boolean NOT NULL DEFAULT false, "otherDocuments" text NOT NULL DEFAULT '', "attendance" character varying(15), "results" text NOT NULL, "purgedAt" character varying(24), "createdAt" character varying(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_b0ddec158a9a60fbc785281581b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_bd090a49efaf7158c0b55300be" ON "candidate"  ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "jury_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "centreId" uuid NOT NULL, "lastName" character varying(100) NOT NULL, "firstName" character varying(100) NOT NULL, "email" character varying(254), "phone" character varying(30), "employer" character varying(200) NOT NULL DEFAULT '', "professionalised" boolean NOT NULL DEFAULT false, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_208b3f007785647dfc5a521ac12" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dba671532f466866bac0f8e8a0" ON "jury_member"  ("centreId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "habilitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "juryMemberId" uuid NOT NULL, "titreId" uuid NOT NULL, "validUntil" character varying(10) NOT NULL, "ccpCodes" text NOT NULL, CONSTRAINT "PK_0144ef043363c178afd2cc759c0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3795a3cfbc030a7a1e1d5b5242" ON "habilitation"  ("juryMemberId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "link_declaration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "juryMemberId" uuid NOT NULL, "candidateId" uuid NOT NULL, "hasLink" boolean NOT NULL, "details" text NOT NULL DEFAULT '', "declaredOn" character varying(10) NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_1640071e72b4a62f1ef2078fda4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_dbac696e8f75e5f9fb66586633" ON "link_declaration"  ("sessionId", "juryMemberId", "candidateId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "juryMemberId" uuid NOT NULL, "role" character varying(12) NOT NULL, "createdAt" character varying(24) NOT NULL, CONSTRAINT "PK_3fc7f914ebdcf2bd398d68f8d96" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_cc0e28dbd2449041d7f7a70900" ON "session_staff"  ("sessionId", "juryMemberId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_date_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "previousStartDate" character varying(10) NOT NULL, "previousEndDate" character varying(10) NOT NULL, "newStartDate" character varying(10) NOT NULL, "newEndDate" character varying(10) NOT NULL, "reason" text NOT NULL DEFAULT '', "changedBy" uuid, "changedAt" character varying(24) NOT NULL, CONSTRAINT "PK_b1694c018755bc334f402a4f6d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_54bed57e17de772f428dd6a276" ON "session_date_change"  ("sessionId") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sessionId" uuid NOT NULL, "templateVersion" integer NOT NULL, "code" character varying(60) NOT NULL, "phase" character varying(10) NOT NULL, "position" integer NOT NULL, "parentCode" character varying(60), "label" text NOT NULL, "items" text NOT NULL, "regulatory" boolean NOT NULL, "advised" boolean NOT NULL, "dueRule" text NOT NULL, "applicability" character varying(30) NOT NULL, "sourceText" text NOT NULL, "references" text NOT NULL, "notes" text NOT NULL DEFAULT '', "dueDate" character varying(10) NOT NULL, "dueKind" character varying(12) NOT NULL, "workingDayFallback" character varying(10), "status" character varying(16) NOT NULL DEFAULT 'todo', "doneAt" character varying(10), "doneBy" uuid, "doneByEmail" character varying(254), "observations" text NOT NULL DEFAULT '', "reason" text NOT NULL DEFAULT '', "updatedAt" character varying(24) NOT NULL, "version" integer NOT NULL, CONSTRAINT "PK_3eeba5651889fbb22bdbf70052e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_82158b4c8c39b32572a22906c1" ON "session_task"  ("status", "dueDate") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_4d6dfcb7532bec86b1f7d978c0" ON "session_task"  ("sessionId", "code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "site" ADD CONSTRAINT "FK_a8f18680a0c541a6d28cf8b6087" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ccp" ADD CONSTRAINT "FK_78e348eaaf7dfb97ba6cc3486d5" FOREIGN KEY ("titreId") REFERENCES "titre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agrement" ADD CONSTRAINT "FK_99c249033d498280f7410432b37" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agrement" ADD CONSTRAINT "FK_89ac672a87e8ed418d88f33c43b" FOREIGN KEY ("siteId") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "agrement" ADD CONSTRAINT "FK_be5841678fd146a8a8d7e2b88d8" FOREIGN KEY ("titreId") REFERENCES "titre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_centre" ADD CONSTRAINT "FK_9fa5eb7ae7f24de487b3a41ad9d" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_centre" ADD CONSTRAINT "FK_95680ab4209e4ef52b4944da375" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" ADD CONSTRAINT "FK_cbfc4e2b85b78207afb0b2d7fbc" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" ADD CONSTRAINT "FK_66d7a9189125435ad484a200794" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" ADD CONSTRAINT "FK_5a092d3ee9fbad989edc3f6555b" FOREIGN KEY ("siteId") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" ADD CONSTRAINT "FK_49964d876c810933c9c5bcd8d85" FOREIGN KEY ("titreId") REFERENCES "titre"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" ADD CONSTRAINT "FK_dd9ad91192ae58de34e19bd64b1" FOREIGN KEY ("managerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" ADD CONSTRAINT "FK_076ddf4f557b32f9f100363c88b" FOREIGN KEY ("deputyManagerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" ADD CONSTRAINT "FK_bd090a49efaf7158c0b55300bea" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jury_member" ADD CONSTRAINT "FK_dba671532f466866bac0f8e8a05" FOREIGN KEY ("centreId") REFERENCES "centre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "habilitation" ADD CONSTRAINT "FK_3795a3cfbc030a7a1e1d5b52427" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "habilitation" ADD CONSTRAINT "FK_fbf4db17008a25e9980320d5822" FOREIGN KEY ("titreId") REFERENCES "titre"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "link_declaration" ADD CONSTRAINT "FK_e25f1332d8861d693eef87fe61d" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "link_declaration" ADD CONSTRAINT "FK_e64e18050727fbd13313beff6b9" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "link_declaration" ADD CONSTRAINT "FK_86923cd47bcc7474b74d0d2e852" FOREIGN KEY ("candidateId") REFERENCES "candidate"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_staff" ADD CONSTRAINT "FK_9efd5a93feea7b5ada263e9e387" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_staff" ADD CONSTRAINT "FK_3b518edc11f487df92a29cf22e6" FOREIGN KEY ("juryMemberId") REFERENCES "jury_member"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_date_change" ADD CONSTRAINT "FK_54bed57e17de772f428dd6a276a" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_task" ADD CONSTRAINT "FK_0ed0d5467435f091bde239bdc61" FOREIGN KEY ("sessionId") REFERENCES "exam_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "session_task" DROP CONSTRAINT "FK_0ed0d5467435f091bde239bdc61"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_date_change" DROP CONSTRAINT "FK_54bed57e17de772f428dd6a276a"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_staff" DROP CONSTRAINT "FK_3b518edc11f487df92a29cf22e6"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_staff" DROP CONSTRAINT "FK_9efd5a93feea7b5ada263e9e387"`,
    );
    await queryRunner.query(
      `ALTER TABLE "link_declaration" DROP CONSTRAINT "FK_86923cd47bcc7474b74d0d2e852"`,
    );
    await queryRunner.query(
      `ALTER TABLE "link_declaration" DROP CONSTRAINT "FK_e64e18050727fbd13313beff6b9"`,
    );
    await queryRunner.query(
      `ALTER TABLE "link_declaration" DROP CONSTRAINT "FK_e25f1332d8861d693eef87fe61d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "habilitation" DROP CONSTRAINT "FK_fbf4db17008a25e9980320d5822"`,
    );
    await queryRunner.query(
      `ALTER TABLE "habilitation" DROP CONSTRAINT "FK_3795a3cfbc030a7a1e1d5b52427"`,
    );
    await queryRunner.query(
      `ALTER TABLE "jury_member" DROP CONSTRAINT "FK_dba671532f466866bac0f8e8a05"`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate" DROP CONSTRAINT "FK_bd090a49efaf7158c0b55300bea"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" DROP CONSTRAINT "FK_076ddf4f557b32f9f100363c88b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" DROP CONSTRAINT "FK_dd9ad91192ae58de34e19bd64b1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" DROP CONSTRAINT "FK_49964d876c810933c9c5bcd8d85"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" DROP CONSTRAINT "FK_5a092d3ee9fbad989edc3f6555b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "exam_session" DROP CONSTRAINT "FK_66d7a9189125435ad484a200794"`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_token" DROP CONSTRAINT "FK_cbfc4e2b85b78207afb0b2d7fbc"`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_centre" DROP CONSTRAINT "FK_95680ab4209e4ef52b4944da375"`,
    );
    await queryRunner.query(
      `ALTER TABLE "user_centre" DROP CONSTRAINT "FK_9fa5eb7ae7f24de487b3a41ad9d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agrement" DROP CONSTRAINT "FK_be5841678fd146a8a8d7e2b88d8"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agrement" DROP CONSTRAINT "FK_89ac672a87e8ed418d88f33c43b"`,
    );
    await queryRunner.query(
      `ALTER TABLE "agrement" DROP CONSTRAINT "FK_99c249033d498280f7410432b37"`,
    );
    await queryRunner.query(`ALTER TABLE "ccp" DROP CONSTRAINT "FK_78e348eaaf7dfb97ba6cc3486d5"`);
    await queryRunner.query(`ALTER TABLE "site" DROP CONSTRAINT "FK_a8f18680a0c541a6d28cf8b6087"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d6dfcb7532bec86b1f7d978c0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_82158b4c8c39b32572a22906c1"`);
    await queryRunner.query(`DROP TABLE "session_task"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_54bed57e17de772f428dd6a276"`);
    await queryRunner.query(`DROP TABLE "session_date_change"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cc0e28dbd2449041d7f7a70900"`);
    await queryRunner.query(`DROP TABLE "session_staff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dbac696e8f75e5f9fb66586633"`);
    await queryRunner.query(`DROP TABLE "link_declaration"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3795a3cfbc030a7a1e1d5b5242"`);
    await queryRunner.query(`DROP TABLE "habilitation"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dba671532f466866bac0f8e8a0"`);
    await queryRunner.query(`DROP TABLE "jury_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bd090a49efaf7158c0b55300be"`);
    await queryRunner.query(`DROP TABLE "candidate"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f855c6951e13f61f586916061c"`);
    await queryRunner.query(`DROP TABLE "exam_session"`);
    await queryRunner.query(`DROP TABLE "setup_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b8d5076cd3f3572829943b3f8a"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "user_centre"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d68cacd9ce56e0bd54c9f8d1ca"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfffddd2e4ec61a80e9aa04c53"`);
    await queryRunner.query(`DROP TABLE "agrement"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e121943386223f143e4dd0b9e9"`);
    await queryRunner.query(`DROP TABLE "titre"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_760f61557b416072adfd3ee8e4"`);
    await queryRunner.query(`DROP TABLE "ccp"`);
    await queryRunner.query(`DROP TABLE "centre"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a8f18680a0c541a6d28cf8b608"`);
    await queryRunner.query(`DROP TABLE "site"`);
  }
}

import type { QueryRunner } from 'typeorm';

/**
 * The checklist tasks whose applicability now follows the candidates' pathways (guide de la
 * session: the ECF and the DP concern candidates trained for the titre, the livret de certification
 * those in suite de parcours, parcours progressif or équivalence). Existing sessions' tasks get
 * the same applicability as the template, so an open session reads like a new one.
 */
export const PATHWAY_APPLICABILITIES: Readonly<Record<string, readonly string[]>> = {
  TRAINING_CANDIDATES: [
    'PLAN_ECF_ASSESSMENTS',
    'PLAN_ECF_RECORD',
    'PLAN_DP_COMPLETION',
    'FILES_CHECK_ECF_RECORD',
    'FILES_CHECK_ECF_SIGNATURES',
  ],
  DP_CANDIDATES: ['FILES_COLLECT_DP', 'FILES_CHECK_DP_SIGNATURE'],
  LIVRET_CANDIDATES: ['FILES_COLLECT_CERTIFICATION_RECORD'],
};

function codeList(codes: readonly string[]): string {
  return codes.map((code) => `'${code}'`).join(', ');
}

export async function applyPathwayApplicabilities(queryRunner: QueryRunner): Promise<void> {
  for (const [applicability, codes] of Object.entries(PATHWAY_APPLICABILITIES)) {
    await queryRunner.query(
      `UPDATE "session_task" SET "applicability" = '${applicability}' WHERE "applicability" = 'ALWAYS' AND "code" IN (${codeList(codes)})`,
    );
  }
}

export async function revertPathwayApplicabilities(queryRunner: QueryRunner): Promise<void> {
  for (const [applicability, codes] of Object.entries(PATHWAY_APPLICABILITIES)) {
    await queryRunner.query(
      `UPDATE "session_task" SET "applicability" = 'ALWAYS' WHERE "applicability" = '${applicability}' AND "code" IN (${codeList(codes)})`,
    );
  }
}

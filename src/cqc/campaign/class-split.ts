/**
 * The fiche sessions of one class, from the rules of campaign-split.ts: a Bac Pro CTRM class is
 * split into its CAP CLM and Bac Pro sessions (Jalon's proposal, then the user's moves); a CAP CLM
 * class has only CAP CLM sessions (its pupils still minors in May complete their fiche as soon as
 * they turn 18, seed 000).
 */
import { formatFrenchDate } from '../../common/calendar-date.js';
import { accepted, refused, type CampaignResult } from '../campaign-result.js';
import {
  applyMoves,
  ficheSessionsOf,
  proposeSplit,
  type CampaignPupil,
  type ProposedFicheSession,
  type PupilMove,
  type SchoolYear,
  type SplitProposal,
} from '../campaign-split.js';
import type { CampaignDiploma } from './campaign.entity.js';

export interface ClassSplit {
  readonly proposal: SplitProposal;
  readonly sessions: readonly ProposedFicheSession[];
}

/** The class's split with the user's moves, or every French reason it was refused. */
export function classSplit(
  diploma: CampaignDiploma,
  className: string,
  pupils: readonly CampaignPupil[],
  schoolYear: SchoolYear,
  moves: readonly PupilMove[] = [],
): CampaignResult<ClassSplit> {
  const proposed = proposeSplit(pupils, schoolYear);
  if (!proposed.ok) return proposed;
  if (diploma === 'CAP_CLM') {
    const names = new Map(pupils.map((p) => [p.id, `${p.lastName} ${p.firstName}`]));
    const errors = moves
      .filter((m) => m.to !== 'CAP_CLM')
      .map(
        (m) =>
          `${names.get(m.pupilId) ?? `L’élève « ${m.pupilId} »`} : la classe « ${className} » prépare le CAP CLM, ses élèves n’ont qu’une session CAP CLM.`,
      );
    if (errors.length > 0) return refused(errors);
    const proposal: SplitProposal = {
      ...proposed.value,
      placements: proposed.value.placements.map((p) =>
        p.kind === 'CAP_CLM'
          ? p
          : {
              ...p,
              kind: 'CAP_CLM',
              warnings: p.ofAgeOnReference
                ? p.warnings
                : [
                    `Classe de CAP CLM, encore mineur à la mi-mai : il complétera sa fiche dès ses 18 ans, le ${formatFrenchDate(p.majorityDate)}.`,
                  ],
            },
      ),
    };
    return accepted({
      proposal,
      sessions: ficheSessionsOf(proposal).filter((s) => s.kind === 'CAP_CLM'),
    });
  }
  const moved = applyMoves(proposed.value, moves);
  if (!moved.ok) return moved;
  return accepted({ proposal: moved.value, sessions: ficheSessionsOf(moved.value) });
}

/** « Session CAP CLM — Terminale Bac Pro CTRM ». */
export function ficheSessionLabel(session: ProposedFicheSession, className: string): string {
  return `${session.label} — ${className}`;
}

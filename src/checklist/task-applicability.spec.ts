import { isConditionalTask, isTaskApplicable, sessionFacts } from './task-applicability.js';

describe('task applicability', () => {
  const titre = sessionFacts('TITRE', []);

  it('applies ALWAYS and INCIDENT tasks to every session', () => {
    expect(isTaskApplicable('ALWAYS', titre)).toBe(true);
    expect(isTaskApplicable('INCIDENT', titre)).toBe(true);
  });

  it('applies CCP_SESSION tasks to CCP and CCS sessions only', () => {
    expect(isTaskApplicable('CCP_SESSION', titre)).toBe(false);
    expect(isTaskApplicable('CCP_SESSION', sessionFacts('CCP', []))).toBe(true);
    expect(isTaskApplicable('CCP_SESSION', sessionFacts('CCS', []))).toBe(true);
  });

  it('applies VAE tasks when at least one candidate comes through VAE', () => {
    const formation = { pathway: 'FORMATION', accommodationRequested: false };
    expect(isTaskApplicable('VAE_CANDIDATES', sessionFacts('TITRE', [formation]))).toBe(false);
    expect(
      isTaskApplicable(
        'VAE_CANDIDATES',
        sessionFacts('TITRE', [formation, { pathway: 'VAE', accommodationRequested: false }]),
      ),
    ).toBe(true);
  });

  it('applies accommodation tasks when a candidate asked for one', () => {
    expect(isTaskApplicable('ACCOMMODATION_REQUESTS', titre)).toBe(false);
    expect(
      isTaskApplicable(
        'ACCOMMODATION_REQUESTS',
        sessionFacts('TITRE', [{ pathway: 'FORMATION', accommodationRequested: true }]),
      ),
    ).toBe(true);
  });

  const candidate = (pathway: string) => ({ pathway, accommodationRequested: false });
  const only = (pathway: string) => sessionFacts('TITRE', [candidate(pathway)]);
  const PATHWAYS = ['FORMATION', 'VAE', 'SUITE_PARCOURS', 'PARCOURS_PROGRESSIF', 'EQUIVALENCE'];
  const applying = (applicability: Parameters<typeof isTaskApplicable>[0]) =>
    PATHWAYS.filter((p) => isTaskApplicable(applicability, only(p)));

  it('applies TRAINING_CANDIDATES tasks (ECF) to training-route candidates only', () => {
    expect(applying('TRAINING_CANDIDATES')).toEqual(['FORMATION']);
    expect(isTaskApplicable('TRAINING_CANDIDATES', titre)).toBe(false);
    expect(
      isTaskApplicable(
        'TRAINING_CANDIDATES',
        sessionFacts('CCP', [candidate('VAE'), candidate('FORMATION')]),
      ),
    ).toBe(true);
  });

  it('applies DP_CANDIDATES tasks to training-route or VAE candidates', () => {
    expect(applying('DP_CANDIDATES')).toEqual(['FORMATION', 'VAE']);
    expect(isTaskApplicable('DP_CANDIDATES', titre)).toBe(false);
    expect(
      isTaskApplicable(
        'DP_CANDIDATES',
        sessionFacts('TITRE', [candidate('EQUIVALENCE'), candidate('VAE')]),
      ),
    ).toBe(true);
  });

  it('applies LIVRET_CANDIDATES tasks to suite de parcours, parcours progressif and équivalence', () => {
    expect(applying('LIVRET_CANDIDATES')).toEqual([
      'SUITE_PARCOURS',
      'PARCOURS_PROGRESSIF',
      'EQUIVALENCE',
    ]);
    expect(isTaskApplicable('LIVRET_CANDIDATES', titre)).toBe(false);
    expect(
      isTaskApplicable(
        'LIVRET_CANDIDATES',
        sessionFacts('TITRE', [candidate('FORMATION'), candidate('PARCOURS_PROGRESSIF')]),
      ),
    ).toBe(true);
  });

  it('marks INCIDENT tasks, and only them, as conditional', () => {
    expect(isConditionalTask('INCIDENT')).toBe(true);
    expect(isConditionalTask('ALWAYS')).toBe(false);
    expect(isConditionalTask('VAE_CANDIDATES')).toBe(false);
  });
});

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

  it('marks INCIDENT tasks, and only them, as conditional', () => {
    expect(isConditionalTask('INCIDENT')).toBe(true);
    expect(isConditionalTask('ALWAYS')).toBe(false);
    expect(isConditionalTask('VAE_CANDIDATES')).toBe(false);
  });
});

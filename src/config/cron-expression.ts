export class CronExpressionError extends Error {}

const FIELDS: { name: string; min: number; max: number }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'heure', min: 0, max: 23 },
  { name: 'jour du mois', min: 1, max: 31 },
  { name: 'mois', min: 1, max: 12 },
  { name: 'jour de la semaine', min: 0, max: 7 },
];

function checkPart(part: string, field: { name: string; min: number; max: number }): void {
  const [range, step] = part.split('/');
  if (step !== undefined && !/^\d+$/.test(step)) {
    throw new CronExpressionError(`pas invalide pour le champ ${field.name}`);
  }
  if (range === '*') return;
  const bounds = range.split('-');
  if (bounds.length > 2 || bounds.some((b) => !/^\d+$/.test(b))) {
    throw new CronExpressionError(`valeur « ${part} » invalide pour le champ ${field.name}`);
  }
  for (const b of bounds) {
    const n = Number(b);
    if (n < field.min || n > field.max) {
      throw new CronExpressionError(
        `valeur ${n} hors limites pour le champ ${field.name} (${field.min}-${field.max})`,
      );
    }
  }
}

/** Validates a five-field cron expression (minute hour day month weekday). */
export function validateCron(expression: string): void {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) {
    throw new CronExpressionError('cinq champs attendus (minute heure jour mois jour-de-semaine)');
  }
  fields.forEach((field, index) => {
    for (const part of field.split(',')) checkPart(part, FIELDS[index]);
  });
}

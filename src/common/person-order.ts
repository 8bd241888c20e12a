const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Alphabetical order of people in French (accents and case ignored), by last then first name. */
export function byName<T extends { lastName: string; firstName: string; id: string }>(
  a: T,
  b: T,
): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    a.id.localeCompare(b.id)
  );
}

/** A person as the compliance findings name them: « Camille DUPONT ». */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName.trim()} ${person.lastName.trim().toLocaleUpperCase('fr-FR')}`;
}

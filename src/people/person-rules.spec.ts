import { identityBesidePersonIdErrors, identityChanges } from './person-rules.js';

const person = {
  lastName: 'Lœvenbruck',
  firstName: 'Jean-Luc',
  birthDate: '1990-02-03',
  email: 'jl@example.fr',
  phone: null,
  address: '1 rue de la Paix',
};

describe('identityBesidePersonIdErrors', () => {
  it('names every identity field sent beside personId', () => {
    expect(
      identityBesidePersonIdErrors({ personId: 'x', lastName: 'A', email: null, pathway: 'VAE' }),
    ).toEqual([
      {
        field: 'lastName',
        message:
          'Le champ « lastName » ne peut pas accompagner « personId » : l’identité est reprise de la fiche de la personne.',
      },
      {
        field: 'email',
        message:
          'Le champ « email » ne peut pas accompagner « personId » : l’identité est reprise de la fiche de la personne.',
      },
    ]);
  });

  it('accepts the other fields of an enrolment', () => {
    expect(identityBesidePersonIdErrors({ personId: 'x', pathway: 'VAE' })).toEqual([]);
  });
});

describe('identityChanges', () => {
  it('takes the names as now spelled and new contact details', () => {
    expect(
      identityChanges(
        person,
        { lastName: 'LOEVENBRUCK', firstName: 'Jean-Luc', phone: '0601020304', email: '' },
        { keepKnownContacts: true },
      ),
    ).toEqual({ lastName: 'LOEVENBRUCK', phone: '0601020304' });
  });

  it('keeps known contacts on a new enrolment without them, but clears them on an edit', () => {
    const given = { email: null, address: '' };
    expect(identityChanges(person, given, { keepKnownContacts: true })).toEqual({});
    expect(identityChanges(person, given, { keepKnownContacts: false })).toEqual({
      email: null,
      address: '',
    });
  });

  it('clears the birth date when an edit clears it', () => {
    expect(identityChanges(person, { birthDate: null }, { keepKnownContacts: true })).toEqual({
      birthDate: null,
    });
  });
});

import { yesNo, yesNoUnknown } from './yes-no-unknown.js';

describe('yes / no / unknown selects', () => {
  it('reads « oui », « non » and the empty choice as true, false and null', () => {
    const body = { licenceHeld: 'oui', capClmObtained: 'non', other: '' };
    expect(yesNoUnknown(body, 'licenceHeld')).toBe(true);
    expect(yesNoUnknown(body, 'capClmObtained')).toBe(false);
    expect(yesNoUnknown(body, 'other')).toBeNull();
  });

  it('leaves an absent field unchanged and passes anything else as typed, for the DTO to refuse', () => {
    expect(yesNoUnknown({}, 'licenceHeld')).toBeUndefined();
    expect(yesNoUnknown({ licenceHeld: 'peut-être' }, 'licenceHeld')).toBe('peut-être');
    expect(yesNoUnknown({ licenceHeld: 'true' }, 'licenceHeld')).toBe('true');
  });

  it('shows a stored answer as the select’s value', () => {
    expect([yesNo(true), yesNo(false), yesNo(null)]).toEqual(['oui', 'non', '']);
  });
});

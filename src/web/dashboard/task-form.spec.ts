import { parisDateTime } from './audit-view.js';
import { documentGroups } from './session-documents.js';
import { conflictInput, statusOf, taskInput, taskPatch, taskRuleErrors } from './task-form.js';

describe('task tick form', () => {
  it('checks the tick rules on the form patch, all at once', () => {
    const patch = taskPatch({ notApplicable: '1', doneAt: '2027-03-05', reason: '', version: '2' });
    expect(taskRuleErrors(patch, '2027-03-01').map((e) => e.field)).toEqual(['doneAt', 'reason']);
    // A malformed date is the DTO's to report.
    expect(taskRuleErrors({ ...patch, doneAt: '05/03/2027' }, '2027-03-01')).toEqual([]);
    expect(taskRuleErrors(taskPatch({ done: '1', version: '2' }), '2027-03-01')).toEqual([]);
  });

  it('maps the boxes to a status: sans objet wins over fait', () => {
    expect(statusOf(taskInput({ done: '1' }))).toBe('done');
    expect(statusOf(taskInput({ done: '1', notApplicable: '1' }))).toBe('not_applicable');
    expect(statusOf(taskInput({}))).toBe('todo');
  });

  it('sends no date nor reason for a task still to do', () => {
    expect(
      taskPatch({ doneAt: '2027-02-01', reason: 'x', observations: 'o', version: '3' }),
    ).toEqual({
      status: 'todo',
      observations: 'o',
      reason: '',
      version: 3,
    });
  });

  it('leaves an empty date out (today by default) and keeps a bad version for the validator', () => {
    expect(taskPatch({ done: '1', doneAt: ' ', version: 'abc' })).toEqual({
      status: 'done',
      observations: '',
      reason: '',
      version: 'abc',
    });
    expect(taskPatch({ done: '1', doneAt: '2027-02-26', version: '2' })).toMatchObject({
      doneAt: '2027-02-26',
    });
  });
});

describe('audit and documents tabs', () => {
  it('formats Paris times', () => {
    expect(parisDateTime('2027-03-01T09:05:00.000Z')).toBe('01/03/2027 10:05');
  });

  it('groups the documents of the session, of the candidates and of the staff', () => {
    const groups = documentGroups([
      { name: 'pv', title: 'PV', url: '/a/pv.pdf', format: 'pdf' },
      { name: 'convocation', title: 'C', url: '/a/c.pdf', format: 'pdf', candidateId: 'c1' },
      { name: 'jury-convocation', title: 'J', url: '/a/j.pdf', format: 'pdf', assignmentId: 'a' },
      { name: 'documents', title: 'ZIP', url: '/a/d.zip', format: 'zip' },
    ]);
    expect(groups.documents.map((d) => d.format)).toEqual(['PDF', 'ZIP']);
    expect(groups.candidates).toEqual([{ title: 'C', href: '/a/c.pdf', format: 'PDF' }]);
    expect(groups.staff).toHaveLength(1);
  });
});

describe('conflictInput', () => {
  const typed = {
    done: true,
    notApplicable: false,
    doneAt: '2027-02-28',
    observations: 'Ma note sur l’envoi',
    reason: '',
  };
  const saved = {
    status: 'todo' as const,
    doneAt: null,
    observations: 'Note du collègue',
    reason: 'Motif du collègue',
  };

  it('keeps the typed texts and shows the saved status and date', () => {
    expect(conflictInput(typed, saved, '2027-03-01')).toEqual({
      done: false,
      notApplicable: false,
      doneAt: '2027-03-01',
      observations: 'Ma note sur l’envoi',
      reason: 'Motif du collègue',
    });
  });

  it('shows the saved state when nothing was typed', () => {
    const done = { ...saved, status: 'done' as const, doneAt: '2027-02-20' };
    expect(conflictInput({ ...typed, observations: ' ' }, done, '2027-03-01')).toMatchObject({
      done: true,
      doneAt: '2027-02-20',
      observations: 'Note du collègue',
    });
  });
});

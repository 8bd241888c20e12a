import { foldLines, foldView, MailTemplates } from './mail-templates.js';

describe('foldLines', () => {
  it('keeps one-line text as it is', () => {
    expect(foldLines('Salle Molière, 12 rue de la Paix')).toBe('Salle Molière, 12 rue de la Paix');
    expect(foldLines('  tab\there  ')).toBe('  tab\there  ');
  });

  it('joins the lines of any line break with « / », blank lines dropped', () => {
    expect(foldLines('Salle A\r\nLien : https://evil.example')).toBe(
      'Salle A / Lien : https://evil.example',
    );
    expect(foldLines('a\n\n\nb\rc\u2028d\u2029e\u0085f\vg\fh')).toBe(
      'a / b / c / d / e / f / g / h',
    );
    expect(foldLines('\n  -- \n')).toBe('--');
  });
});

describe('foldView', () => {
  it('folds every string of a view, nested in objects and arrays', () => {
    expect(foldView({ a: 'x\ny', list: [{ b: 'p\r\nq' }, 3, null], ok: true, n: 2 })).toEqual({
      a: 'x / y',
      list: [{ b: 'p / q' }, 3, null],
      ok: true,
      n: 2,
    });
  });
});

describe('MailTemplates', () => {
  it('folds user text in the text part of the immediate reminder, escapes it in the HTML', () => {
    const view = {
      greeting: 'Bonjour Camille\nVotre compte est suspendu.,',
      urgency: 'demain',
      appUrl: 'https://jalon.example.fr',
      task: {
        label: 'Envoyer les convocations',
        url: 'https://jalon.example.fr/t',
        dueDate: '03/03/2027',
      },
      session: {
        title: 'TP-1 – Titre',
        dates: 'du 22/03/2027 au 26/03/2027',
        site: 'Site',
        location: 'Salle <A>\r\nLien : https://evil.example',
        url: 'https://jalon.example.fr/s',
      },
    };
    const mail = new MailTemplates().render('immediate', view);
    const lines = mail.text.split('\n');
    expect(lines.filter((line) => line.startsWith('Lien'))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('Votre compte'))).toEqual([]);
    expect(mail.text).toContain('(Salle <A> / Lien : https://evil.example).');
    expect(mail.html).toContain('Salle &lt;A&gt;');
  });
});

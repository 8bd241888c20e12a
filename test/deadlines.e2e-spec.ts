import { jest } from '@jest/globals';
import request from 'supertest';
import { addDays, compareDates } from '../src/common/calendar-date.js';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { csrfOf, htmlText, webLogin, type WebClient } from './support/web-form-client.js';

jest.setTimeout(60_000);

interface Task {
  id: string;
  code: string;
  label: string;
  status: string;
  version: number;
  dueDate: string;
  workingDayFallback: string | null;
  applicable: boolean;
  conditional: boolean;
  applicability: string;
  provenByData: boolean;
  verifiedByData: unknown;
}

const TODAY = '2027-03-01';

/** The day a task must be done by. */
const actBy = (t: Task) => t.workingDayFallback ?? t.dueDate;

/** What the calendar's query keeps: to do, applicable, not an incident's task. */
const open = (t: Task) => t.status === 'todo' && t.applicable && t.applicability !== 'INCIDENT';

/** The page's two sections: what is overdue, and the next 30 days. */
function sections(html: string): { overdue: string; upcoming: string } {
  const start = html.indexOf('id="overdue-title"');
  const middle = html.indexOf('id="upcoming-title"');
  expect(start).toBeGreaterThan(0);
  expect(middle).toBeGreaterThan(start);
  return { overdue: html.slice(start, middle), upcoming: html.slice(middle) };
}

/** The ids of the task rows in the order of the page. */
function rowIds(html: string): string[] {
  return [...html.matchAll(/<li id="task-([\w-]+)"/g)].map((m) => m[1]);
}

/** The day headings (« lundi 14/12/2026 ») in the order of the page, as YYYY-MM-DD. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h3 id="(?:overdue|upcoming)-(\d{4}-\d{2}-\d{2})">([^<]+)<\/h3>/g)].map(
    (m) => m[1],
  );
}

describe('« Mes échéances » (GET /echeances)', () => {
  let t: TestApp;
  let admin: Client;
  let manager: Client;
  let web: WebClient;
  let adminWeb: WebClient;
  let viewerWeb: WebClient;
  let manager2Web: WebClient;
  let old: { id: string; tasks: Task[] };
  let soon: { id: string; tasks: Task[] };
  let foreign: { id: string; tasks: Task[] };
  let managerCredentials: { email: string; password: string };

  const tasksOf = async (client: Client, id: string) =>
    (await client.get(`/api/sessions/${id}/tasks`)).body as Task[];

  beforeAll(async () => {
    t = await startTestApp({ now: `${TODAY}T09:00:00Z` });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const { centre: other, site: otherSite } = await aCentre(admin, {
      name: 'Centre Saint-Exupéry',
    });
    const titre = await aTitre(admin);
    const user = await aUser(admin, 'manager', [String(centre.id)]);
    managerCredentials = user;
    manager = t.as(await t.login(user.email, user.password));
    web = await webLogin(t.http, user.email, user.password);
    adminWeb = await webLogin(t.http, ADMIN.email, ADMIN.password);
    const viewer = await aUser(admin, 'viewer', [String(centre.id)]);
    viewerWeb = await webLogin(t.http, viewer.email, viewer.password);
    const otherManager = await aUser(admin, 'manager', [String(other.id)]);
    manager2Web = await webLogin(t.http, otherManager.email, otherManager.password);
    const ids = { centreId: String(centre.id), siteId: String(site.id), titreId: String(titre.id) };
    // A session held months ago whose checklist was left open, and one in three weeks.
    const oldSession = await aSession(manager, ids, {
      startDate: '2026-11-16',
      endDate: '2026-11-20',
    });
    // Managed by a colleague of the same centre: out of « Sessions dont je suis responsable ».
    const colleague = await aUser(admin, 'manager', [String(centre.id)]);
    const soonSession = await aSession(manager, ids, {
      managerId: colleague.id,
      startDate: '2027-03-22',
      endDate: '2027-03-26',
    });
    const otherTitre = await aTitre(admin, { code: 'AUTRECENTRE' });
    const foreignSession = await aSession(
      admin,
      {
        centreId: String(other.id),
        siteId: String(otherSite.id),
        titreId: String(otherTitre.id),
      },
      { startDate: '2027-03-22', endDate: '2027-03-26' },
    );
    old = { id: String(oldSession.id), tasks: await tasksOf(manager, String(oldSession.id)) };
    soon = { id: String(soonSession.id), tasks: await tasksOf(manager, String(soonSession.id)) };
    foreign = {
      id: String(foreignSession.id),
      tasks: await tasksOf(admin, String(foreignSession.id)),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lands a manager on « Mes échéances », other roles on the sessions', async () => {
    const home = async (client: WebClient) =>
      (await request(t.http).get('/').set('Cookie', client.cookie)).headers.location;
    expect(await home(web)).toBe('/echeances');
    expect(await home(adminWeb)).toBe('/sessions');
    expect(await home(viewerWeb)).toBe('/sessions');
    // The login form leads to « / » unless the visitor was going somewhere.
    const form = await request(t.http).get('/login');
    expect(form.text).toContain('name="next" value="/"');
    const cookie = (form.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]);
    const login = await request(t.http)
      .post('/login')
      .set('Cookie', cookie.join('; '))
      .type('form')
      .send({
        _csrf: csrfOf(form.text),
        email: managerCredentials.email,
        password: managerCredentials.password,
        next: '/',
      });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe('/');
    const going = await request(t.http).get('/login?next=%2Fcalendar');
    expect(going.text).toContain('name="next" value="/calendar"');
  });

  it('shows every overdue task first, whatever its month, oldest day first, then the next 30 days', async () => {
    const res = await web.get('/echeances');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Mes échéances</h1>');
    expect(res.text).toContain('<a href="/echeances" aria-current="page">Mes échéances</a>');
    // No « Sélectionner » box pointing at the session page's bulk form, absent here.
    expect(res.text).not.toContain('form="bulk-tick"');
    const { overdue, upcoming } = sections(res.text);
    const mine = [...old.tasks, ...soon.tasks].filter(open);
    const late = mine.filter((x) => !x.provenByData && compareDates(actBy(x), TODAY) < 0);
    const next = mine.filter(
      (x) => compareDates(actBy(x), TODAY) >= 0 && compareDates(actBy(x), addDays(TODAY, 29)) <= 0,
    );
    const beyond = mine.filter((x) => compareDates(actBy(x), addDays(TODAY, 29)) > 0);
    // The old session's tasks are months late: they must be there.
    expect(late.some((x) => actBy(x) < '2026-12-01')).toBe(true);
    expect(next.length).toBeGreaterThan(0);
    expect(beyond.length).toBeGreaterThan(0);
    expect(new Set(rowIds(overdue))).toEqual(new Set(late.map((x) => x.id)));
    expect(new Set(rowIds(upcoming))).toEqual(new Set(next.map((x) => x.id)));
    for (const x of beyond) expect(res.text).not.toContain(`task-${x.id}`);
    // Oldest first, by the day to act by; each heading names its day in French.
    const days = headings(overdue);
    expect(days).toEqual([...days].sort());
    expect(days.length).toBeGreaterThan(1);
    const order = rowIds(overdue).map((id) => actBy(late.find((x) => x.id === id)!));
    expect(order).toEqual([...order].sort());
    expect(htmlText(overdue)).toMatch(
      /<h3 id="overdue-2026-\d{2}-\d{2}">(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{2}\/\d{2}\/2026<\/h3>/,
    );
    expect(headings(upcoming).every((d) => d >= TODAY && d <= addDays(TODAY, 29))).toBe(true);
    // Each item links to its session and carries the checklist's tick form.
    const first = late[0];
    const session = old.tasks.some((x) => x.id === first.id) ? old.id : soon.id;
    expect(res.text).toContain(`<a href="/sessions/${session}">Session `);
    expect(res.text).toContain(`action="/sessions/${session}/tasks/${first.id}"`);
  });

  it('shows the centre’s obligations, overdue ones with the others', async () => {
    const { overdue } = sections(htmlText((await web.get('/echeances')).text));
    // Sessions in 2026 and 2027, no annual programme recorded: both are late.
    expect(overdue).toContain('Communiquer le programme annuel des sessions 2027');
    expect(overdue).toContain('Communiquer le programme annuel des sessions 2026');
    expect(overdue).toMatch(/Obligation du centre<\/span> Centre Éléonore Dupré/);
    expect(overdue).toContain('Enregistrer la communication</a>');
    // Once recorded, the 2027 programme is no longer listed.
    const centreId = /href="\/centres\/([\w-]+)\/obligations\?year=2027#programme"/.exec(
      overdue,
    )![1];
    expect(
      (
        await manager.post(`/api/centres/${centreId}/annual-programme`, {
          year: 2027,
          sentOn: '2027-02-20',
        })
      ).status,
    ).toBe(201);
    const after = htmlText((await web.get('/echeances')).text);
    expect(after).not.toContain('Communiquer le programme annuel des sessions 2027');
    expect(after).toContain('Communiquer le programme annuel des sessions 2026');
  });

  it('never shows another centre’s tasks nor obligations', async () => {
    const page = htmlText((await web.get('/echeances')).text);
    expect(page).not.toContain('AUTRECENTRE');
    expect(page).not.toContain('Centre Saint-Exupéry');
    expect(page).not.toContain(foreign.id);
    for (const x of foreign.tasks) expect(page).not.toContain(x.id);
    // Its own manager sees it, and not ours.
    const theirs = htmlText((await manager2Web.get('/echeances')).text);
    expect(theirs).toContain('AUTRECENTRE');
    expect(theirs).toContain(foreign.id);
    expect(theirs).not.toContain(old.id);
    expect(theirs).not.toContain('Centre Éléonore Dupré');
  });

  it('ticks a task in place through the session page’s route: it leaves the overdue list', async () => {
    // A task no compliance check supports: ticking it needs no reason.
    const target = old.tasks
      .filter(open)
      .find((x) => x.verifiedByData === null && actBy(x) < TODAY)!;
    const res = await request(t.http)
      .post(`/sessions/${old.id}/tasks/${target.id}`)
      .set('Cookie', web.cookie)
      .set('HX-Request', 'true')
      .set('X-CSRF-Token', await web.csrf())
      .type('form')
      .send({
        done: '1',
        doneAt: TODAY,
        observations: '',
        reason: '',
        version: String(target.version),
      });
    expect(res.status).toBe(200);
    expect(res.text.trim()).toMatch(
      new RegExp(`^<li id="task-${target.id}" class="task task-done">`),
    );
    const after = (await web.get('/echeances')).text;
    expect(after).not.toContain(`task-${target.id}`);
  });

  /** An overdue task of the old session still to do that no compliance check supports. */
  const nextOverdue = async (): Promise<Task> => {
    const fresh = await tasksOf(manager, old.id);
    return fresh.filter(open).find((x) => x.verifiedByData === null && actBy(x) < TODAY)!;
  };
  /** The counts the page shows: its summary and its two headings' badges. */
  const counts = (html: string) => ({
    overdue: Number(/id="overdue-count"[^>]*>(\d+)</.exec(html)?.[1]),
    upcoming: Number(/id="upcoming-count"[^>]*>(\d+)</.exec(html)?.[1]),
    summary: /id="deadlines-summary"[^>]*>Au [^:]+: (\d+) échéance\(s\) en retard, (\d+) dans/
      .exec(html)
      ?.slice(1, 3)
      .map(Number),
  });

  it('ticks without JavaScript from « Mes échéances » and comes back there, the task gone', async () => {
    const target = await nextOverdue();
    const page = (await web.get('/echeances')).text;
    const before = counts(page);
    expect(before.overdue).toBeGreaterThan(0);
    expect(before.summary).toEqual([before.overdue, before.upcoming]);
    // The row's form names its return target: a fixed key, not an address.
    const form = new RegExp(
      `<form method="post" action="/sessions/${old.id}/tasks/${target.id}">(.*?)</form>`,
      's',
    ).exec(page)?.[1];
    expect(form).toContain('<input type="hidden" name="retour" value="echeances">');
    const res = await web.post(`/sessions/${old.id}/tasks/${target.id}`, {
      done: '1',
      doneAt: '',
      observations: '',
      reason: '',
      version: String(target.version),
      retour: 'echeances',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/echeances?ok=task-saved');
    const after = (await web.get(res.headers.location)).text;
    expect(htmlText(after)).toContain('La tâche a été enregistrée.');
    expect(sections(after).overdue).not.toContain(`task-${target.id}`);
    expect(counts(after)).toEqual({
      overdue: before.overdue - 1,
      upcoming: before.upcoming,
      summary: [before.overdue - 1, before.upcoming],
    });
    const stored = (await tasksOf(manager, old.id)).find((x) => x.id === target.id)!;
    expect(stored.status).toBe('done');
  });

  it('comes back to the view of my sessions when the tick was sent from there', async () => {
    const target = await nextOverdue();
    const page = (await web.get('/echeances?view=mine')).text;
    expect(page).toContain('<input type="hidden" name="retour" value="echeances-miennes">');
    const res = await web.post(`/sessions/${old.id}/tasks/${target.id}`, {
      done: '1',
      version: String(target.version),
      retour: 'echeances-miennes',
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/echeances?view=mine&ok=task-saved');
    expect(rowIds((await web.get(res.headers.location)).text)).not.toContain(target.id);
  });

  it('still comes back to the session page without a return target', async () => {
    const target = await nextOverdue();
    const res = await web.post(`/sessions/${old.id}/tasks/${target.id}`, {
      done: '1',
      version: String(target.version),
    });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/sessions/${old.id}?ok=task-saved#task-${target.id}`);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/echeances',
    '/\\evil.example',
    '/echeances',
    'http:/echeances',
    'javascript:alert(1)',
    'echeances/../../evil',
    'Echeances',
    '__proto__',
  ])('refuses the return target %p: a French 400, nothing saved, no redirect', async (retour) => {
    const target = await nextOverdue();
    for (const htmx of [false, true]) {
      let req = request(t.http)
        .post(`/sessions/${old.id}/tasks/${target.id}`)
        .set('Cookie', web.cookie)
        .set('X-CSRF-Token', await web.csrf())
        .type('form');
      if (htmx) req = req.set('HX-Request', 'true');
      const res = await req.send({ done: '1', version: String(target.version), retour });
      expect(res.status).toBe(400);
      expect(res.headers.location).toBeUndefined();
      expect(htmlText(res.text)).toContain(
        'Page de retour : cette page de retour n’est pas reconnue.',
      );
    }
    const stored = (await tasksOf(manager, old.id)).find((x) => x.id === target.id)!;
    expect(stored).toMatchObject({ status: 'todo', version: target.version });
  });

  it('refuses a return target given twice (a list)', async () => {
    const target = await nextOverdue();
    const res = await request(t.http)
      .post(`/sessions/${old.id}/tasks/${target.id}`)
      .set('Cookie', web.cookie)
      .set('X-CSRF-Token', await web.csrf())
      .type('form')
      .send(`done=1&version=${target.version}&retour=echeances&retour=echeances`);
    expect(res.status).toBe(400);
    expect(res.headers.location).toBeUndefined();
  });

  it('answers an htmx tick from « Mes échéances » with its counts out of band', async () => {
    const target = await nextOverdue();
    const before = counts((await web.get('/echeances')).text);
    const res = await request(t.http)
      .post(`/sessions/${old.id}/tasks/${target.id}`)
      .set('Cookie', web.cookie)
      .set('HX-Request', 'true')
      .set('X-CSRF-Token', await web.csrf())
      .type('form')
      .send({ done: '1', version: String(target.version), retour: 'echeances' });
    expect(res.status).toBe(200);
    expect(res.text.trim()).toMatch(
      new RegExp(`^<li id="task-${target.id}" class="task task-done">`),
    );
    // The row still comes back here, and the page's counts follow — not the session's.
    expect(res.text).toContain('<input type="hidden" name="retour" value="echeances">');
    expect(res.text).not.toContain('checklist-counters');
    expect(res.text).toMatch(/<p [^>]*id="deadlines-summary"[^>]*hx-swap-oob="true"/);
    expect(res.text).toMatch(/<span id="overdue-count"[^>]*hx-swap-oob="true">/);
    expect(counts(res.text)).toEqual({
      overdue: before.overdue - 1,
      upcoming: before.upcoming,
      summary: [before.overdue - 1, before.upcoming],
    });
  });

  it('filters to the sessions I manage', async () => {
    const res = await web.get('/echeances?view=mine');
    expect(res.status).toBe(200);
    expect(htmlText(res.text)).toContain('<a href="/echeances?view=mine" aria-current="page">');
    const all = rowIds((await web.get('/echeances')).text);
    const mine = rowIds(res.text);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine).toEqual(all.filter((id) => old.tasks.some((x) => x.id === id)));
    for (const x of soon.tasks) expect(mine).not.toContain(x.id);
  });

  describe('the month calendar', () => {
    it('lists what is late before the month, marks late items in their day, and opens « et N autres »', async () => {
      const page = htmlText((await web.get('/calendar?month=2027-03')).text);
      const block = /<section class="calendar-overdue"[^]*?<\/section>/.exec(page)?.[0] ?? '';
      // Every task still late from before March is in the block, none of March's.
      const now = [...(await tasksOf(manager, old.id)), ...(await tasksOf(manager, soon.id))];
      const late = now.filter(open).filter((x) => !x.provenByData && actBy(x) < '2027-03-01');
      expect(late.length).toBeGreaterThan(0);
      const linked = [...block.matchAll(/href="\/sessions\/[\w-]+#task-([\w-]+)"/g)].map(
        (m) => m[1],
      );
      expect(new Set(linked)).toEqual(new Set(late.map((x) => x.id)));
      expect(block).toMatch(
        /<h2 id="overdue-title">En retard <span class="badge badge-late">\d+<\/span><\/h2>/,
      );
      expect(block).toContain('(à faire au plus tard le ');
      expect(block).toContain('<a href="/echeances">Mes échéances</a>');
      // The busiest day of the month lists six items and opens the others in a disclosure.
      const byDay = new Map<string, Task[]>();
      for (const x of soon.tasks.filter(open)) {
        const day = actBy(x);
        if (day >= '2027-03-01' && day <= '2027-04-04')
          byDay.set(day, [...(byDay.get(day) ?? []), x]);
      }
      const [day, busiest] = [...byDay.entries()].sort((a, b) => b[1].length - a[1].length)[0];
      expect(busiest.length).toBeGreaterThan(6);
      const cell =
        new RegExp(
          `aria-label="\\S+ ${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}">[^]*?</td>`,
        ).exec(page)?.[0] ?? '';
      const more = /<details><summary>et (\d+) autre\(s\)[^]*?<\/details>/.exec(cell);
      expect(more?.[1]).toBe(String(busiest.length - 6));
      for (const x of busiest) expect(cell).toContain(`#task-${x.id}"`);
      // Late items of the month are marked in their day, visibly and for screen readers.
      const seenLater = htmlText((await web.get('/calendar?month=2027-02')).text);
      expect(seenLater).toMatch(
        /<li class="late"><a [^>]*>[^<]*<\/a>[^]*?<span class="visually-hidden"> \(en retard\)<\/span> <span class="calendar-late-mark" aria-hidden="true">en retard<\/span>/,
      );
    });
  });
});

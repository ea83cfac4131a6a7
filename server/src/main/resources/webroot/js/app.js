// The web UI's shell: navigation by role, the language switch, and a hash router that renders one page at a time.
import { h, fill } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import * as session from './session.js';
import * as api from './api.js';
import signIn from './pages/signin.js';
import dashboard from './pages/dashboard.js';
import compose from './pages/compose.js';
import notices from './pages/notices.js';
import notice from './pages/notice.js';
import approvals from './pages/approvals.js';
import nodes from './pages/nodes.js';
import boards from './pages/boards.js';
import campaigns from './pages/campaigns.js';
import layouts from './pages/layouts.js';
import audit from './pages/audit.js';
import users from './pages/users.js';
import reports from './pages/reports.js';
import programme from './pages/programme.js';
import zonesPage from './pages/zones.js';
import secondStep from './pages/second-step.js';
import firstPassword from './pages/first-password.js';
import security from './pages/security.js';
import link from './pages/link.js';
import sessions from './pages/sessions.js';
import alerts from './pages/alerts.js';

/** [hash pattern, page, what the role must be allowed to do (or null), nav label key or null]. */
const ROUTES = [
  [/^\/$/, dashboard, null, 'nav.dashboard'],
  [/^\/compose$/, compose, 'compose', 'nav.compose'],
  [/^\/notices$/, notices, null, 'nav.notices'],
  [/^\/notices\/(\d+)$/, notice, null, null],
  [/^\/approvals$/, approvals, 'approve', 'nav.approvals'],
  [/^\/programme$/, programme, null, 'nav.programme'],
  [/^\/sessions$/, sessions, null, 'nav.sessions'],
  [/^\/alerts$/, alerts, null, 'nav.alerts'],
  [/^\/zones$/, zonesPage, null, 'nav.zones'],
  [/^\/nodes$/, nodes, null, 'nav.nodes'],
  [/^\/boards$/, boards, null, 'nav.boards'],
  [/^\/campaigns$/, campaigns, null, 'nav.campaigns'],
  [/^\/layouts$/, layouts, null, 'nav.layouts'],
  [/^\/reports$/, reports, null, 'nav.reports'],
  [/^\/audit$/, audit, 'users', 'nav.audit'],
  [/^\/users$/, users, 'users', 'nav.users'],
  [/^\/link$/, link, 'users', 'nav.link'],
  [/^\/security$/, security, null, null],
];

const main = document.getElementById('main');
let leave = null;
let visit = 0;

function path() {
  return (location.hash || '#/').slice(1) || '/';
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  const tools = document.getElementById('tools');
  const s = session.current();
  document.querySelector('.skip').textContent = t('skip');
  nav.setAttribute('aria-label', t('nav.label'));
  if (!s || s.pending) {
    fill(nav);
  } else {
    const links = ROUTES.filter(([, , action, label]) => label && (!action || session.may(action)))
      .map(([re, , , label]) => {
        const href = re.source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/');
        return h('li', {}, h('a', { href: `#${href}`, 'aria-current': href === current ? 'page' : null }, t(label)));
      });
    fill(nav, h('ul', {}, links));
  }
  const other = lang() === 'vi' ? 'en' : 'vi';
  fill(tools,
    s ? h('span', { class: 'who' }, `${s.user.displayName || s.user.username} · ${t(`role.${s.user.role}`)}`) : null,
    s && !s.pending ? h('a', { href: '#/security', 'aria-current': current === '/security' ? 'page' : null },
      t('nav.security')) : null,
    h('button', { type: 'button', class: 'link', lang: other, onclick: () => { setLang(other); route(); } },
      other === 'en' ? 'English' : 'Tiếng Việt'),
    s ? h('button', { type: 'button', class: 'link', onclick: signOut }, t('signout')) : null);
}

// Signing out ends the session on the server too, so the token is refused even if it was copied; the page forgets it
// whatever the server answers (an already ended session, a lost network).
async function signOut() {
  try {
    await api.post('/api/v1/auth/logout');
  } catch {
    // nothing more to end
  }
  session.clear();
  location.hash = '#/signin';
  route();
}

async function route() {
  if (leave) {
    leave();
    leave = null;
  }
  document.documentElement.lang = lang();
  const mine = ++visit;
  const p = path();
  const s = session.current();
  let page = signIn;
  let params = [];
  let current = p;
  if (s && s.pending) {
    // Password given, second step owed: nothing else until it is done (the server refuses the rest anyway).
    page = s.pending === 'password' ? firstPassword : secondStep;
    current = '/second-step';
  } else if (s && p !== '/signin') {
    const match = ROUTES.find(([re]) => re.test(p));
    if (match && (!match[2] || session.may(match[2]))) {
      page = match[1];
      params = p.match(match[0]).slice(1);
    } else {
      page = dashboard;
      current = '/';
    }
  } else if (s) {
    page = dashboard;
    current = '/';
  }
  renderNav(current);
  document.title = `${t(page.title)} — Loa`;
  // Each visit renders into its own container: a slow page that finishes after the clerk moved on writes into a
  // container no longer on screen.
  const view = h('div', { class: 'view' }, h('h1', {}, t(page.title)));
  fill(main, view);
  try {
    const cleanup = (await page.render(view, ...params)) || null;
    if (mine === visit) leave = cleanup; else if (cleanup) cleanup();
  } catch (e) {
    // Signed out by the server meanwhile: the sign-in page is already on its way, with the reason.
    if (e && e.status === 401) return;
    // A page that cannot load shows a short message, never a trace.
    console.error(e);
    view.append(h('p', { class: 'form-alert', role: 'alert' }, e && e.code === 'network' ? t('error.network')
      : (e && e.message && e.code ? e.message : t('error.page'))));
  }
}

window.addEventListener('hashchange', route);
window.addEventListener('loa:signed-out', () => { location.hash = '#/signin'; route(); });
route();

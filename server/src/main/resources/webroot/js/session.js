// The signed-in user and their token, kept in this tab (sessionStorage) until they sign out, it expires or the browser
// closes: a commune office computer shared by several people forgets the session with the browser. Nothing else needs
// the token across tabs (the board player has its own key; notices open in the same tab).

const KEY = 'loa.session';
const ENDED = 'loa.session.ended';
const store = window.sessionStorage;

// Earlier versions kept the token in localStorage, which outlives the browser: take it away once.
try {
  localStorage.removeItem(KEY);
} catch {
  // storage refused (private mode): nothing was kept there either
}

export function current() {
  try {
    const s = JSON.parse(store.getItem(KEY));
    return s && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function save(reply) {
  const expiresAt = Date.now() + (reply.expiresIn || 3600) * 1000;
  store.setItem(KEY, JSON.stringify({ token: reply.token, user: reply.user, expiresAt, pending: reply.pending || null }));
  store.removeItem(ENDED);
}

/** The second step this session still owes after the password ('totp' or 'enrol'), or null. */
export function pending() {
  const s = current();
  return s ? s.pending || null : null;
}

/** The second step was done: the session may act. */
export function proved() {
  const s = current();
  if (s) store.setItem(KEY, JSON.stringify({ ...s, pending: null }));
}

export function clear() {
  store.removeItem(KEY);
}

/** Remembers why the server ended the session, for the sign-in page to say once. */
export function ended(message) {
  store.setItem(ENDED, message);
}

/** Why the last session ended, or null; forgotten at the next sign-in. */
export function endReason() {
  return store.getItem(ENDED);
}

export function role() {
  const s = current();
  return s && s.user ? s.user.role : null;
}

/** What each role may do, as the server's Role enum says (the server checks again). */
const ACTIONS = {
  clerk: ['compose', 'broadcast'],
  approver: ['compose', 'approve', 'broadcast'],
  technician: ['devices'],
  admin: ['compose', 'approve', 'broadcast', 'devices', 'users'],
};

export function may(action) {
  return (ACTIONS[role()] || []).includes(action);
}

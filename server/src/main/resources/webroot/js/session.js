// The signed-in user and their token, kept in this browser until they sign out or it expires.

const KEY = 'loa.session';

export function current() {
  try {
    const s = JSON.parse(localStorage.getItem(KEY));
    return s && s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

export function save(reply) {
  const expiresAt = Date.now() + (reply.expiresIn || 3600) * 1000;
  localStorage.setItem(KEY, JSON.stringify({ token: reply.token, user: reply.user, expiresAt }));
}

export function clear() {
  localStorage.removeItem(KEY);
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

// The HTTP API as the pages use it: JSON in and out, the bearer token added, errors turned into ApiError.
import * as session from './session.js';
import { stepUp } from './second-factor.js';

/** A refusal from the server: {error, message, field?} and the HTTP status. */
export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message);
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

async function send(method, path, body, accept, again) {
  const headers = { Accept: accept || 'application/json' };
  const s = session.current();
  if (s) headers.Authorization = `Bearer ${s.token}`;
  // A file (a picture for the boards) goes as the raw body with its own type; anything else as JSON.
  const raw = body instanceof Blob;
  if (body !== undefined && body !== null) headers['Content-Type'] = raw ? (body.type || 'application/octet-stream') : 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body == null ? undefined : raw ? body : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  if (response.ok) return response;
  let error = {};
  try {
    error = await response.json();
  } catch {
    // Not JSON (a proxy's page): only the status is known; the page shows a generic message, never the body.
  }
  // An emergency after a while without a code: ask for one, then send the same request once more.
  if (response.status === 403 && error.error === 'step_up_required' && !again && await stepUp(error.message)) {
    return send(method, path, body, accept, true);
  }
  if (response.status === 401 && path !== '/api/v1/auth/login') {
    session.clear();
    // The server ended the session (signed out elsewhere, account locked, role changed): say why on the sign-in page.
    if (error.error === 'session_ended' && error.message) session.ended(error.message);
    window.dispatchEvent(new Event('loa:signed-out'));
  }
  throw new ApiError(response.status, error.error || `http_${response.status}`, error.message || '', error.field);
}

export async function get(path) {
  return (await send('GET', path)).json();
}

export async function post(path, body) {
  const r = await send('POST', path, body === undefined ? null : body);
  return r.status === 204 ? null : r.json();
}

export async function put(path, body) {
  return (await send('PUT', path, body)).json();
}

export async function del(path) {
  await send('DELETE', path);
}

/** A binary answer (the WAV of a preview, an XLSX export) as a Blob. */
export async function blob(method, path, body) {
  return (await send(method, path, body, '*/*')).blob();
}

/** The raw response, for streams of server-sent events read with the token in the header. */
export function stream(path, signal) {
  const s = session.current();
  return fetch(path, { headers: { Accept: 'text/event-stream', Authorization: `Bearer ${s ? s.token : ''}` }, signal });
}

/** Builds a query string from the set values of an object. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/**
 * Uploads a file as multipart/form-data (field "file") and reports progress as onProgress(sentBytes, totalBytes);
 * XMLHttpRequest because fetch cannot report upload progress. Resolves to the JSON answer.
 */
export function upload(path, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const s = session.current();
    if (s) xhr.setRequestHeader('Authorization', `Bearer ${s.token}`);
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress(e.loaded, e.total); });
    xhr.addEventListener('load', () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: only the status is known.
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body.error || `http_${xhr.status}`, body.message || '', body.field));
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', '')));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

// The words of the web UI: Vietnamese first, English as a setting. t('key', {name}) fills {name}.
import { vi } from './lang/vi.js';
import { en } from './lang/en.js';

const DICTIONARIES = { vi, en };
const KEY = 'loa.lang';

export function lang() {
  const chosen = localStorage.getItem(KEY);
  return DICTIONARIES[chosen] ? chosen : 'vi';
}

export function setLang(code) {
  localStorage.setItem(KEY, code);
  document.documentElement.lang = code;
}

export function t(key, params) {
  const text = DICTIONARIES[lang()][key] ?? vi[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name) => (params[name] ?? m)) : text;
}

/** True when the dictionary has the key (used to prefer a translated error over the server's words). */
export function has(key) {
  return key in DICTIONARIES[lang()];
}

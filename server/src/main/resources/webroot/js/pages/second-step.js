// Sign-in's second step: a code from the authenticator app, or enrolment when the unit requires one not yet set up.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import * as session from '../session.js';
import { codeForm, enrol } from '../second-factor.js';
import { go } from '../nav.js';

function finish() {
  session.proved();
  go('#/');
}

export default {
  title: 'second.title',
  async render(main) {
    if (session.pending() === 'enrol') {
      const box = h('div', {});
      main.append(h('p', { class: 'lead' }, t('second.enrolLead')), box);
      await enrol(box, finish);
    } else {
      main.append(codeForm('second', t('second.lead'), finish));
    }
  },
};

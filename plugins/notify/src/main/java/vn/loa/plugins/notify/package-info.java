/** The notify plugin: every aired notice by e-mail (SMTP) and to HTTP webhooks, with retries and a dead-letter list. */
package vn.loa.plugins.notify;

/** Alerts from upstream systems and panic buttons: CAP 1.2 and JSON, API keys, and the areas they name. */
package vn.loa.server.alert;

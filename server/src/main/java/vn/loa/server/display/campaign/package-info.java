/** Display groups and the campaigns scheduled to them: storage, rules of editing, and their HTTP routes. */
package vn.loa.server.display.campaign;

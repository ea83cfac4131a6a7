/** Users of a unit: their HTTP routes, the service that checks roles, scope and password rules, and storage. */
package vn.loa.server.user;

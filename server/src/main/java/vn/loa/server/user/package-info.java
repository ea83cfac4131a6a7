/** Users of a unit: routes, the service (roles, scope, password rules), password hashing and storage. */
package vn.loa.server.user;

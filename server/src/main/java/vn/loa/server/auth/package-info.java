/** Who may do what: roles, password hashing, tokens, sign-in throttling and the request authenticator. */
package vn.loa.server.auth;

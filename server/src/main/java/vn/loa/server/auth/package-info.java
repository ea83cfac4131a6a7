/** Sign-in: tokens, sessions, the second factor, sign-in throttling and the request authenticator. */
package vn.loa.server.auth;

/** Secrets at rest: the server's AES key (setting or key file) and the cipher that seals values with it. */
package vn.loa.server.secret;

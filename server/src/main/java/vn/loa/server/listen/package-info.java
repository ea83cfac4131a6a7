/** The residents' page {@code /nghe/{unit}}: the archive of aired public notices and live listening, no sign-in. */
package vn.loa.server.listen;

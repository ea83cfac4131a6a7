/** {@code loa backup FILE} and {@code loa restore FILE}: the database and the data folder in one checked archive. */
package vn.loa.server.backup;

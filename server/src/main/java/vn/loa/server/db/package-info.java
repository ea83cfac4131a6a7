/** Persistence plumbing: pool, Flyway migrations, Jdbi. The repositories live with their resources. */
package vn.loa.server.db;

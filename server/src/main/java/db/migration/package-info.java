/** Flyway migrations written in Java, for changes SQL alone cannot make on both H2 and PostgreSQL. */
package db.migration;

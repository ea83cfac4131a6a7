package vn.loa.server.db;

/** A row together with the path of the zone it belongs to, for scope checks without a second query. */
public record Scoped<T>(T value, String zonePath) {
}

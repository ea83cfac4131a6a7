package vn.loa.server.http;

import vn.loa.server.refusal.Refusal;

/** The one place where a service's kind of refusal becomes an HTTP status, and back. */
final class RefusalStatus {

    private RefusalStatus() {
    }

    static int of(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNUSABLE -> 422;
            case TOO_MANY -> 429;
            case DEPENDENCY_FAILED -> 502;
            case UNAVAILABLE -> 503;
            case NO_SPACE -> 507;
        };
    }

    /** The nearest kind for a status a route names itself (405 and other rare ones are INVALID; 5xx UNAVAILABLE). */
    static Refusal.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> Refusal.Kind.UNAUTHENTICATED;
            case 403 -> Refusal.Kind.FORBIDDEN;
            case 404 -> Refusal.Kind.NOT_FOUND;
            case 409 -> Refusal.Kind.CONFLICT;
            case 413 -> Refusal.Kind.TOO_LARGE;
            case 415 -> Refusal.Kind.UNSUPPORTED_TYPE;
            case 422 -> Refusal.Kind.UNUSABLE;
            case 429 -> Refusal.Kind.TOO_MANY;
            case 502 -> Refusal.Kind.DEPENDENCY_FAILED;
            case 507 -> Refusal.Kind.NO_SPACE;
            default -> status >= 500 ? Refusal.Kind.UNAVAILABLE : Refusal.Kind.INVALID;
        };
    }
}

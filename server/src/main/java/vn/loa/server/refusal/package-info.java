/**
 * Refusals: what a service says when it will not do what it was asked, in the domain's words (not HTTP's).
 *
 * <p>Services throw {@link vn.loa.server.refusal.Refusal}; the HTTP layer maps its {@link vn.loa.server.refusal.Refusal.Kind}
 * to a status in one place ({@code http.ErrorResponder}).
 */
package vn.loa.server.refusal;

/**
 * Board layouts by name: the templates shipped in {@code assets/layouts} and the custom layouts units draw, stored and
 * checked here so that both the board registry ({@code board}) and what boards show ({@code display}) can look them
 * up without depending on each other.
 */
package vn.loa.server.layout;

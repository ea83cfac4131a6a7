/** {@code ./loa demo}: the server with a sample commune for a first look. */
package vn.loa.demo;

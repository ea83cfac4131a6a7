/** {@code loa doctor}: checks of the machine a broadcast depends on, explained in Vietnamese. */
package vn.loa.server.doctor;

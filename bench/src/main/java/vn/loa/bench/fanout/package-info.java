/** {@code ./loa bench fanout}: Loa's RTP fan-out to N unicast nodes on loopback, and Icecast's to N listeners. */
package vn.loa.bench.fanout;

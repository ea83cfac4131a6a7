/** The node control protocol: the messages between node agents and the server, and their JSON codec. */
package vn.loa.wire.control;

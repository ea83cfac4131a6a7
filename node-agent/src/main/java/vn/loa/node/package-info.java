/** Loa's node agent: the receiver on a loudspeaker box, its command line and its assembly. */
package vn.loa.node;

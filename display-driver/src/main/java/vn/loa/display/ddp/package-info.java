/** LED matrices over DDP (Distributed Display Protocol, UDP 4048): the packet codec, the frame bytes and the sender. */
package vn.loa.display.ddp;

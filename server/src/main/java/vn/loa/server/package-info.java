/** The assembled server: configuration in, the composition root (LoaServer), first-start setup and main. */
package vn.loa.server;

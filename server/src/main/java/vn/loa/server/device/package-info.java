/** Devices that live in a zone (loudspeaker nodes, boards): one registry and one set of routes for all kinds. */
package vn.loa.server.device;

/** Zones, the tree of administrative units: HTTP routes, the service, storage and the scope guard. */
package vn.loa.server.zone;

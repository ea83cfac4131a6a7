/** Sound on air: zone streams, node agents and their control channel, and announcements followed to the end. */
package vn.loa.server.air;

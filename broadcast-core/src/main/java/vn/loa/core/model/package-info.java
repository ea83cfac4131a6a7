/** The domain model: announcements, zones, nodes, boards, priorities and their states. */
package vn.loa.core.model;

/** Session templates and how they become a run order: parts, smart blocks that fill a slot, fixed-time anchors. */
package vn.loa.scheduler.session;

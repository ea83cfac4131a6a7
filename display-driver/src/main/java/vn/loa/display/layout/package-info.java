/** Layouts: a board's canvas cut into named regions, each showing the playlist or a widget; templates from assets. */
package vn.loa.display.layout;

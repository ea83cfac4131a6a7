/** Display boards as registered devices: their storage and JSON shape. */
package vn.loa.server.board;

/** Recorded programmes: uploads checked, decoded and stored under the data folder, and their source on air. */
package vn.loa.server.audio;

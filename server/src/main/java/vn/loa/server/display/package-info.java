/** What boards show: playlists, uploaded media, emergency banners, snapshots, the web player and LED matrices. */
package vn.loa.server.display;

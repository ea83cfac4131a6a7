/** The portal-news plugin: the commune web portal's news (RSS, Atom or HTML pages) proposed as draft notices. */
package vn.loa.plugins.portalnews;

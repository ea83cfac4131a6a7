/** What a display board is (its profile) and the content it shows: text slides, images, videos and banners. */
package vn.loa.display;

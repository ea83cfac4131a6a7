/** Renderers that draw a board's content with Java2D and the shipped fonts: slides, marquees, images, banners, video. */
package vn.loa.display.render;

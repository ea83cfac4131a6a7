/** What a board shows at a moment (its Screen) and the PNG of it, rendered from the board profile and slides. */
package vn.loa.display.screen;

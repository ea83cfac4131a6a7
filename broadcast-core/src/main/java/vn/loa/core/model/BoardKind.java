package vn.loa.core.model;

/** The kind of screen a board has: an LCD/TV screen or an LED matrix. */
public enum BoardKind {
    LCD, LED
}

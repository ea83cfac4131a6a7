/** The Vietnamese lunar calendar (âm lịch), computed from the Sun's and the Moon's positions for UTC+7. */
package vn.loa.display.lunar;

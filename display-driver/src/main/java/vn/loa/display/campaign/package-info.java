/** Campaigns scheduled to groups of boards: which one plays when (priority, dayparting) and interrupts' share of voice. */
package vn.loa.display.campaign;

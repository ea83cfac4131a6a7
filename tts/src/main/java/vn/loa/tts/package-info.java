/** Loa's speech module: {@link vn.loa.tts.Announcer} normalises Vietnamese notices and speaks them. */
package vn.loa.tts;

/** The espeak-ng speech engine, run as a process per sentence: Loa's default Vietnamese voices. */
package vn.loa.tts.espeak;

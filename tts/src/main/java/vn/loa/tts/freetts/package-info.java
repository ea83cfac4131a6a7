/** The FreeTTS speech engine: English in pure Java, for tourist areas and as a no-install fallback. */
package vn.loa.tts.freetts;

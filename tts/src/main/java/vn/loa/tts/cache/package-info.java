/** The synthesis cache: sentences' audio kept by (sentence, engine, voice, settings) within a bound on bytes. */
package vn.loa.tts.cache;

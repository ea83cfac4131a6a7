/** MaryTTS embedded in the JVM: an English HMM voice without a server, from optional dependencies. */
package vn.loa.tts.marytts;

/** Speech engines behind HTTP: a remote MaryTTS server and the FPT.AI, Viettel AI and Zalo AI cloud services. */
package vn.loa.tts.http;

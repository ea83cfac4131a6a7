/** Speech as the API offers it: the normalised reading of a text (and, later, audio previews). */
package vn.loa.server.speech;

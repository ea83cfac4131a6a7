/** Piper-format VITS voices ({@code *.onnx} + {@code *.onnx.json}) run in the JVM with ONNX Runtime. */
package vn.loa.tts.piper;

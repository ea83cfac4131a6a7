package vn.loa.tts.piper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the few protocol-buffer messages of the ONNX format (onnx.proto3) {@link TinyPiperVoice} needs: fields by number,
 * as the format's schema gives them. Not thread-safe; one per message.
 */
final class OnnxProto {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    OnnxProto varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    OnnxProto string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    OnnxProto message(int field, OnnxProto message) {
        return bytes(field, message.toBytes());
    }

    OnnxProto bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** A TensorProto of floats: dims, data type FLOAT (1), name, raw little-endian data. */
    static OnnxProto floats(String name, float[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor(name, 1, raw.array(), dims);
    }

    /** A TensorProto of int64s (data type 7). */
    static OnnxProto longs(String name, long[] values, long... dims) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return tensor(name, 7, raw.array(), dims);
    }

    private static OnnxProto tensor(String name, int type, byte[] raw, long... dims) {
        OnnxProto t = new OnnxProto();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name).bytes(9, raw);
    }

    /** A ValueInfoProto: a named tensor of this element type and shape (a negative dimension is symbolic). */
    static OnnxProto value(String name, int elementType, long... dims) {
        OnnxProto shape = new OnnxProto();
        for (long d : dims) {
            shape.message(1, d >= 0 ? new OnnxProto().varint(1, d) : new OnnxProto().string(2, name + "_" + (-d)));
        }
        OnnxProto tensorType = new OnnxProto().varint(1, elementType).message(2, shape);
        return new OnnxProto().string(1, name).message(2, new OnnxProto().message(1, tensorType));
    }

    /** A NodeProto: inputs, outputs, name and operator, with integer attributes given as name/value pairs. */
    static OnnxProto node(String op, String[] inputs, String output, Object... intAttributes) {
        OnnxProto n = new OnnxProto();
        for (String in : inputs) {
            n.string(1, in);
        }
        n.string(2, output).string(3, op + "_" + output).string(4, op);
        for (int i = 0; i < intAttributes.length; i += 2) {
            n.message(5, new OnnxProto().string(1, (String) intAttributes[i]).varint(3, (Integer) intAttributes[i + 1])
                    .varint(20, 2)); // AttributeProto.type INT
        }
        return n;
    }

    private void tag(int field, int wireType) {
        raw((long) field << 3 | wireType);
    }

    private void raw(long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}

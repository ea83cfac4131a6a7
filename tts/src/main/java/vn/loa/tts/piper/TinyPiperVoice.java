package vn.loa.tts.piper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Piper voice small enough to build in a test or a benchmark, where no real voice may be downloaded: the same
 * inputs and outputs as a real one ({@code input},
 * {@code input_lengths}, {@code scales} → {@code output} [1, 1, 1, samples]), where each phoneme id becomes
 * {@link #SAMPLES_PER_ID} samples of a tone of its own (id 0, the pad, is silence). The graph: Gather the ids' rows
 * from a table, then Reshape them to Piper's output shape; {@code input_lengths} and {@code scales} are taken, as a
 * real voice's are, and not used. It says nothing: its figures measure the engine (phonemising, the
 * id map, ONNX Runtime's call, streaming), not a voice's quality or a real model's cost.
 */
public final class TinyPiperVoice {

    public static final int SAMPLES_PER_ID = 64;
    public static final int IDS = 16;
    public static final int RATE = 16_000;

    private TinyPiperVoice() {
    }

    /** The sample the model makes for this id at this position of its row. */
    public static float sample(int id, int i) {
        return id == 0 ? 0f : (float) (0.5 * Math.sin(2 * Math.PI * i * id / SAMPLES_PER_ID));
    }

    /** Writes NAME.onnx and NAME.onnx.json into the folder and returns the model's path. */
    public static Path write(Path folder, String name) throws IOException {
        float[] table = new float[IDS * SAMPLES_PER_ID];
        for (int id = 0; id < IDS; id++) {
            for (int i = 0; i < SAMPLES_PER_ID; i++) {
                table[id * SAMPLES_PER_ID + i] = sample(id, i);
            }
        }
        OnnxProto graph = new OnnxProto()
                .message(1, OnnxProto.node("Gather", new String[] {"table", "input"}, "rows", "axis", 0))
                .message(1, OnnxProto.node("Reshape", new String[] {"rows", "shape"}, "output"))
                .string(2, "tiny-piper")
                .message(5, OnnxProto.floats("table", table, IDS, SAMPLES_PER_ID))
                .message(5, OnnxProto.longs("shape", new long[] {1, 1, 1, -1}, 4))
                .message(11, OnnxProto.value("input", 7, 1, -1))
                .message(11, OnnxProto.value("input_lengths", 7, 1))
                .message(11, OnnxProto.value("scales", 1, 3))
                .message(12, OnnxProto.value("output", 1, 1, 1, 1, -2));
        OnnxProto model = new OnnxProto().varint(1, 8).string(2, "loa-test")
                .message(7, graph).message(8, new OnnxProto().string(1, "").varint(2, 13));
        Path onnx = folder.resolve(name + ".onnx");
        Files.write(onnx, model.toBytes());
        Files.writeString(folder.resolve(name + ".onnx.json"), """
                {"audio": {"sample_rate": %d}, "espeak": {"voice": "vi"},
                 "inference": {"noise_scale": 0.667, "length_scale": 1, "noise_w": 0.8},
                 "phoneme_id_map": {"_": [0], "^": [1], "$": [2], " ": [3], "a": [4], "i": [5], "n": [6], "s": [7],
                                    "o": [8], "ˈ": [9], "1": [10], "2": [11], ",": [12], ".": [13]},
                 "num_speakers": 1}
                """.formatted(RATE));
        return onnx;
    }
}

package vn.loa.bench;

import java.nio.file.Path;
import java.util.List;
import vn.loa.bench.fanout.FanoutBench;

/** {@code ./loa bench [NAME]}: runs the named benchmark, or all, and writes each result to bench/results/NAME.json. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> names = args.length == 0 ? List.of("api") : List.of(args);
        Path results = Path.of("bench", "results");
        for (String name : names) {
            switch (name) {
                case "api" -> new ApiListBench().run(results.resolve("api.json"));
                case "fanout" -> new FanoutBench().run(results.resolve("fanout.json"), Machine.describe());
                case "pipeline" -> new vn.loa.bench.fanout.PipelineBench().run(results.resolve("pipeline.json"),
                        Machine.describe());
                case "tts" -> new TtsBench().run(results.resolve("tts.json"));
                case "normalize" -> new NormalizeBench().run(results.resolve("normalize.json"));
                case "boards" -> {
                    new BoardsBench().run(results.resolve("boards.json"));
                    new BoardPlayersBench().run(results.resolve("boards-players.json"));
                }
                case "boards-players" -> new BoardPlayersBench().run(results.resolve("boards-players.json"));
                case "schedule" -> new ScheduleBench().run(results.resolve("schedule.json"));
                case "programme" -> new ProgrammeBench().run(results.resolve("programme.json"));
                case "hotline" -> new HotlineBench().run(results.resolve("hotline.json"));
                case "field" -> new FieldBench().run(results.resolve("field.json"));
                case "emergency" -> new EmergencyBench().run(results.resolve("emergency.json"));
                case "backup" -> new BackupBench().run(results.resolve("backup.json"));
                case "listen" -> new vn.loa.bench.fanout.ListenBench().run(results.resolve("listen.json"),
                        Machine.describe());
                case "link" -> new LinkBench().run(results.resolve("link.json"));
                case "cap" -> new CapBench().run(results.resolve("cap.json"));
                default -> {
                    System.err.println("Unknown benchmark '" + name + "'. Known: api, fanout, pipeline, tts, normalize, "
                            + "boards, boards-players, schedule, programme, hotline, emergency, field, backup, cap, link, "
                            + "listen");
                    System.exit(64);
                }
            }
        }
        // JAIN-SIP's event scanner (hotline) outlives its stack as a non-daemon thread; the results are written.
        System.exit(0);
    }
}

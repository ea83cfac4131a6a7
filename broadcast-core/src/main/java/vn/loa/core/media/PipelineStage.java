package vn.loa.core.media;

/**
 * The stages of a notice's path from its source to the datagrams, in the order {@link NoticePipeline} declares them;
 * their labels name them in {@code /metrics} and on the technician's page.
 */
public enum PipelineStage {
    SOURCE("source"),
    RESAMPLE("resample"),
    MIX("mix"),
    LOUDNESS("loudness"),
    FRAME("frame"),
    ENCODE("encode"),
    SHARE("share"),
    PACKETISE("packetise"),
    PROTECT("protect"),
    PACE("pace"),
    FAN_OUT("fan-out");

    private final String label;

    PipelineStage(String label) {
        this.label = label;
    }

    /** The stage's name as metrics and the web UI show it. */
    public String label() {
        return label;
    }
}

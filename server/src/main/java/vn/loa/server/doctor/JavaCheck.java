package vn.loa.server.doctor;

/** Whether the Java runtime is 17 or newer, the version Loa is built for. */
final class JavaCheck implements Check {

    static final String SUBJECT = "Java";

    private final Runtime.Version version;

    JavaCheck(Runtime.Version version) {
        this.version = version;
    }

    @Override
    public Finding run() {
        if (version.feature() < 17) {
            return Finding.fail(SUBJECT, "Java " + version + " quá cũ, Loa cần Java 17 trở lên (Java 17+ runtime): "
                    + "sudo apt-get install openjdk-17-jre-headless");
        }
        return Finding.ok(SUBJECT, "Java " + version);
    }
}

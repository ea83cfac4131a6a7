package vn.loa.server.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

class DatabaseAwayTest {

    @Test
    void aDatabaseThatIsAwayIsToldFromAStepThatIsWrong() {
        assertThat(DatabaseAway.is(wrapped(new SQLException("connection refused", "08001")))).isTrue();
        assertThat(DatabaseAway.is(wrapped(new SQLException("The database has been closed", "90098", 90098))))
                .isTrue();
        assertThat(DatabaseAway.is(wrapped(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseAway.is(new IllegalArgumentException("bad"))).isFalse();
    }

    @Test
    void aFullDiskIsToldByPostgresqlsStateOrByTheFileSystemsWordsUnderH2sOwnException() {
        assertThat(DatabaseAway.isOutOfDisk(wrapped(new SQLException("could not extend file", "53100")))).isTrue();
        SQLException h2 = new SQLException("General error: Writing to channel failed", "50000", 50000,
                new IllegalStateException("Writing failed", new IOException("No space left on device")));
        assertThat(DatabaseAway.isOutOfDisk(wrapped(h2))).isTrue();
        assertThat(DatabaseAway.is(wrapped(h2))).as("and it is worth trying again later").isTrue();
        assertThat(DatabaseAway.isOutOfDisk(wrapped(new SQLException("The database has been closed", "90098", 90098))))
                .isFalse();
    }

    private static RuntimeException wrapped(SQLException e) {
        return new UnableToExecuteStatementException(e, null);
    }
}

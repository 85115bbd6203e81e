package org.xenproject.supportstatus.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;

/** A statement that fails is not an outage, even wrapped as one that is; a lost connection is, however wrapped. */
class DatabaseOutageCausesTest {

    @Test
    void aFailedStatementIsNoOutage() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new JpaSystemException(
                        new RuntimeException("wrapped", new SQLException("syntax error", "42601")))))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("no SQLSTATE"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("not the database")))
                .isFalse();
    }

    @Test
    void aLostConnectionIsAnOutageWhereverItWasWrapped() {
        assertThat(DatabaseOutage.causedBy(new JpaSystemException(
                        new RuntimeException("wrapped", new SQLException("Connection refused", "08001")))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(
                        new SQLException("terminating connection due to administrator command", "57P01")))
                .isTrue();
    }
}

package org.xenproject.supportstatus.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every form in which a lost database reaches a controller is answered 503 with Retry-After, as a
 * problem: the forms Spring's JDBC, transaction and JPA layers translate a connection failure to,
 * and an untranslated one that only its SQLSTATE gives away.
 */
@WebMvcTest(DatabaseUnavailableProblemTest.Failing.class)
@Import(DatabaseUnavailableProblemTest.Failing.class)
@WebLayerTest
class DatabaseUnavailableProblemTest {

    private static final Map<String, Supplier<RuntimeException>> FAILURES = Map.of(
            "jdbc",
                    () -> new CannotGetJdbcConnectionException(
                            "Failed to obtain JDBC Connection",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
            "transaction",
                    () -> new CannotCreateTransactionException(
                            "Could not open JPA EntityManager",
                            new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
            "resource", () -> new DataAccessResourceFailureException("FATAL: terminating connection"),
            "hibernate",
                    () -> new JDBCConnectionException(
                            "could not execute statement", new SQLException("Connection refused", "08001")),
            "shutdown",
                    () -> new JpaSystemException(new RuntimeException(
                            "wrapped",
                            new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));

    @RestController
    static class Failing {
        @GetMapping("/api/v1/test-failure/{kind}")
        String fail(@PathVariable String kind) {
            throw FAILURES.get(kind).get();
        }
    }

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"jdbc", "transaction", "resource", "hibernate", "shutdown"})
    void aLostDatabaseIsA503Problem(String kind) throws Exception {
        mvc.perform(get("/api/v1/test-failure/" + kind))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.title").value("Database unavailable"))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    /** The same controller with a kind it does not know fails with a NullPointerException. */
    @Test
    void anyOtherFailureStaysA500WithoutDetails() throws Exception {
        mvc.perform(get("/api/v1/test-failure/unknown"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("NullPointerException"))));
    }
}

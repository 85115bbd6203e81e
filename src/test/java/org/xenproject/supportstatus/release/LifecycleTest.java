package org.xenproject.supportstatus.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    // 4.17 as its SUPPORT.md stands: released 2022-12-12, supported until 2024-06-12, security until 2027-12-12.
    private final Lifecycle release =
            new Lifecycle(LocalDate.parse("2022-12-12"), LocalDate.parse("2024-06-12"), LocalDate.parse("2027-12-12"));

    @ParameterizedTest
    @CsvSource({
        "2022-12-11, UNRELEASED, false",
        "2022-12-12, SUPPORTED, true",
        "2024-06-12, SUPPORTED, true",
        "2024-06-13, SECURITY_ONLY, true",
        "2027-12-12, SECURITY_ONLY, true",
        "2027-12-13, UNSUPPORTED, false"
    })
    void boundsAreInclusive(String day, LifecycleState state, boolean securitySupported) {
        assertThat(release.stateOn(LocalDate.parse(day))).isEqualTo(state);
        assertThat(state.securitySupported()).isEqualTo(securitySupported);
    }

    @ParameterizedTest
    @CsvSource({"2020-01-01", "2030-01-01"})
    void noInitialReleaseMeansUnreleased(String day) {
        Lifecycle unstable = new Lifecycle(null, null, null);
        assertThat(unstable.stateOn(LocalDate.parse(day))).isEqualTo(LifecycleState.UNRELEASED);
    }

    @ParameterizedTest
    @CsvSource({"2026-08-01, SUPPORTED", "2040-01-01, SUPPORTED"})
    void anEndToBeDecidedHasNotPassed(String day, LifecycleState state) {
        Lifecycle fresh = new Lifecycle(LocalDate.parse("2026-07-30"), null, null);
        assertThat(fresh.stateOn(LocalDate.parse(day))).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"2027-01-01, SECURITY_ONLY"})
    void aSecurityEndToBeDecidedHasNotPassed(String day, LifecycleState state) {
        Lifecycle lifecycle = new Lifecycle(LocalDate.parse("2024-01-01"), LocalDate.parse("2026-01-01"), null);
        assertThat(lifecycle.stateOn(LocalDate.parse(day))).isEqualTo(state);
    }
}

package org.xenproject.supportstatus.release;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseVersionTest {

    @ParameterizedTest
    @CsvSource({
        "4.17, 4.17",
        "4.17.3, 4.17",
        "stable-4.17, 4.17",
        "4.9, 4.9",
        "04.017, 4.17",
        "unstable, unstable",
        "master, unstable",
        "staging, unstable",
        "4.99, 4.99",
        "3.4, 3.4"
    })
    void namesARelease(String text, String release) {
        assertThat(ReleaseVersion.parse(text)).contains(new ReleaseVersion(release));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "4.x",
                "4",
                "4.",
                ".17",
                "4.17.",
                "4.17.3.1",
                "stable-4.17.3.1",
                "v4.17",
                "4.17 ",
                "Master",
                "stable-",
                "1234.1",
                "../4.17",
                "4.17;drop table release"
            })
    void refusesWhatIsNotAVersion(String text) {
        assertThat(ReleaseVersion.parse(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void refusesAVeryLongValue() {
        assertThat(ReleaseVersion.parse("4." + "1".repeat(200))).isEmpty();
        assertThat(ReleaseVersion.parse(null)).isEmpty();
    }
}

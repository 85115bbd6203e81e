package org.xenproject.supportstatus.supportmd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(Spelling.distance("experimental", "experimental")).isZero();
        assertThat(Spelling.distance("experimenal", "experimental")).isEqualTo(1);
        assertThat(Spelling.distance("states", "status")).isEqualTo(1);
        assertThat(Spelling.distance("tech preveiw", "tech preview")).isEqualTo(1);
        assertThat(Spelling.distance("unsupported", "supported")).isEqualTo(2);
    }

    @Test
    void aTypoIsCloseButNotTheSame() {
        assertThat(Spelling.isTypoOf("expermental", "experimental")).isTrue();
        assertThat(Spelling.isTypoOf("experimental", "experimental")).isFalse();
        assertThat(Spelling.isTypoOf("unsupported", "supported")).isFalse();
    }
}

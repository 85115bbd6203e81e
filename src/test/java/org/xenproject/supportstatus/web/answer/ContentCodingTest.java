package org.xenproject.supportstatus.web.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Accept-Encoding as RFC 9110 reads it: q-values, the wildcard, identity. */
class ContentCodingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip | true",
                "gzip, deflate, br | true",
                "GZIP | true",
                "x-gzip | true",
                "gzip;q=0.001 | true",
                "* | true",
                "br, *;q=0.5 | true",
                "gzip;q=0 | false",
                "gzip; q=0.0 | false",
                "*;q=0 | false",
                "gzip;q=0, * | false",
                "*, gzip;q=0 | false",
                "identity | false",
                "deflate, br | false",
                "'' | false",
                "gzip;q=nonsense | false",
                ";;; | false"
            })
    void gzipIsTakenWhenTheHeaderSaysSo(String header, boolean gzip) {
        assertThat(ContentCoding.acceptsGzip(header)).isEqualTo(gzip);
    }

    @org.junit.jupiter.api.Test
    void noHeaderAsksForNoCoding() {
        assertThat(ContentCoding.acceptsGzip(null)).isFalse();
    }
}

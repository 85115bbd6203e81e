package org.xenproject.supportstatus.imports;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service imports SUPPORT.md. Every field comes from an environment variable,
 * mapped in application.yaml.
 *
 * @param enabled         run the schedule (and the run at start-up); off, imports only start on request
 * @param interval        time between the end of one scheduled import and the start of the next
 * @param sourceType      where SUPPORT.md comes from
 * @param sourceUrl       git URL or local path of xen.git; the http source lists its branches there too
 * @param fileUrlTemplate http source: the file's URL, {@code {branch}} replaced by the branch name
 * @param branches        glob patterns ({@code *}, {@code ?}) of the branches to import
 * @param history         git source: import every commit that changed SUPPORT.md, not only the tip's file
 * @param cacheDir        git source: where the bare clone of {@code sourceUrl} is kept between runs
 * @param maxFileBytes    a SUPPORT.md larger than this fails its branch
 * @param httpTimeout     http source: time allowed for one request, body included; git source: longest
 *                        wait for the upstream during a clone or fetch
 */
@ConfigurationProperties("xen.support.import")
public record ImportSettings(
        boolean enabled,
        Duration interval,
        SourceType sourceType,
        String sourceUrl,
        String fileUrlTemplate,
        List<String> branches,
        boolean history,
        Path cacheDir,
        int maxFileBytes,
        Duration httpTimeout) {

    public enum SourceType {
        GIT,
        HTTP
    }

    public ImportSettings {
        requirePositive(interval, "xen.support.import.interval (XEN_SUPPORT_IMPORT_INTERVAL)");
        requirePositive(httpTimeout, "xen.support.import.http-timeout (XEN_SUPPORT_HTTP_TIMEOUT)");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException(
                    "xen.support.import.max-file-bytes (XEN_SUPPORT_MAX_FILE_BYTES) must be positive: " + maxFileBytes);
        }
        if (sourceUrl == null || sourceUrl.isBlank()) {
            throw new IllegalArgumentException("xen.support.import.source-url (XEN_SUPPORT_SOURCE_URL) is empty");
        }
        if (sourceType == SourceType.HTTP && (fileUrlTemplate == null || !fileUrlTemplate.contains("{branch}"))) {
            throw new IllegalArgumentException(
                    "xen.support.import.file-url-template (XEN_SUPPORT_FILE_URL_TEMPLATE) must contain {branch}: "
                            + fileUrlTemplate);
        }
        branches = branches == null
                ? List.of()
                : branches.stream().map(String::trim).filter(b -> !b.isEmpty()).toList();
        if (branches.isEmpty()) {
            throw new IllegalArgumentException("xen.support.import.branches (XEN_SUPPORT_BRANCHES) names no pattern");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive ISO-8601 duration: " + duration);
        }
    }
}

package org.xenproject.supportstatus.web.parse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much parsing anonymous clients may ask of the service. Every field comes from an environment
 * variable, mapped in application.yaml.
 *
 * @param maxConcurrent parses running at once; 0 means half the processors, at least one
 * @param queueWait     how long a parse may wait for one of those places before it is answered 503
 * @param perMinute     parses one client address may ask for in a minute (a burst of that many at
 *                      most, then one every 60/perMinute seconds) before it is answered 429
 */
@ConfigurationProperties("xen.support.parse")
public record ParseSettings(int maxConcurrent, Duration queueWait, int perMinute) {

    public ParseSettings {
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException(
                    "xen.support.parse.max-concurrent (XEN_SUPPORT_PARSE_MAX_CONCURRENT) must be 0 (half the processors) or more: "
                            + maxConcurrent);
        }
        if (queueWait == null || queueWait.isNegative()) {
            throw new IllegalArgumentException(
                    "xen.support.parse.queue-wait (XEN_SUPPORT_PARSE_QUEUE_WAIT) must be an ISO-8601 duration of 0 or more: "
                            + queueWait);
        }
        if (perMinute < 1) {
            throw new IllegalArgumentException(
                    "xen.support.parse.per-minute (XEN_SUPPORT_PARSE_PER_MINUTE) must be positive: " + perMinute);
        }
    }

    /** The parses allowed to run at once on a machine of this many processors. */
    int concurrency(int processors) {
        return maxConcurrent > 0 ? maxConcurrent : Math.max(1, processors / 2);
    }
}

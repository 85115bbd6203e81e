package org.xenproject.supportstatus.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where users reach the service, for absolute links in the Atom feed; never taken
 *                  from a request's Host header, which a client controls
 */
@ConfigurationProperties("xen.support")
public record PublicSettings(String publicUrl) {

    public PublicSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
    }
}

package org.xenproject.supportstatus.web.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl where users reach the service, for absolute links in the Atom feed; null when not
 *                  set, and the links then name the host each client used
 */
@ConfigurationProperties("xen.support")
public record PublicSettings(String publicUrl) {

    public PublicSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
    }
}

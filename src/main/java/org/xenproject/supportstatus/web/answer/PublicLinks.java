package org.xenproject.supportstatus.web.answer;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where absolute links in answers point (feeds, calendars, endoflife.date's {@code uri}): the
 * public URL when the deployment sets one (XEN_SUPPORT_PUBLIC_URL), else the scheme, host and port
 * the request came to, as a trusted proxy forwarded them. An answer that holds such links is
 * prepared per base, so hosts never share bytes.
 */
@Component
public class PublicLinks {

    private final PublicSettings settings;

    PublicLinks(PublicSettings settings) {
        this.settings = settings;
    }

    /** The base of this request's links, lower-cased and without a default port, so that spellings of one host share an answer. */
    public String base() {
        if (settings.publicUrl() != null) {
            return settings.publicUrl();
        }
        UriComponents here =
                ServletUriComponentsBuilder.fromCurrentContextPath().build();
        return UriComponentsBuilder.newInstance()
                .scheme(here.getScheme().toLowerCase(Locale.ROOT))
                .host(here.getHost() == null ? "localhost" : here.getHost().toLowerCase(Locale.ROOT))
                .port(here.getPort())
                .path(here.getPath())
                .build()
                .toUriString()
                .replaceAll("/+$", "");
    }
}

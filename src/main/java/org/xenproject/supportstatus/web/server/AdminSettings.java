package org.xenproject.supportstatus.web.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may make admin calls (such as starting an import).
 *
 * @param token the bearer token admin calls must present; blank means admin calls are refused.
 *              Never logged: {@link #toString()} hides it.
 */
@ConfigurationProperties("xen.support.admin")
public record AdminSettings(String token) {

    public boolean tokenConfigured() {
        return token != null && !token.isBlank();
    }

    @Override
    public String toString() {
        return "AdminSettings[token=" + (tokenConfigured() ? "(set)" : "(unset)") + "]";
    }
}

package org.xenproject.supportstatus.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything is public except admin calls, which need {@code Authorization: Bearer <XEN_SUPPORT_ADMIN_TOKEN>}.
 * Stateless: no sessions, no CSRF (no cookies to ride on), no login page, no generated password.
 * Refusals are {@code application/problem+json}: 401 with {@code WWW-Authenticate: Bearer} for a
 * missing or wrong token, 403 when the service has no token and so accepts no admin call.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";

    /** The web pages: the matrix and each release, their error pages included. */
    static final RequestMatcher PAGES = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/"),
            PathPatternRequestMatcher.withDefaults().matcher("/releases/**"));

    /** No inline script or style, nothing from elsewhere, no framing, forms post back here only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The API's answers are data, never pages: nothing may run in them or frame them. Swagger UI
     * loads its own scripts and styles, so it is left out.
     */
    static final String API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

    static final RequestMatcher API_PATHS = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**"));

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminSettings admin, JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // Caching is each endpoint's call (ETags, Cache-Control), not a blanket no-store.
                // The web pages run only the service's own script and styles; the API's answers run
                // nothing (X-Content-Type-Options: nosniff is on by default, for every answer).
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(PAGES,
                                new ContentSecurityPolicyHeaderWriter(PAGE_POLICY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_PATHS,
                                new ContentSecurityPolicyHeaderWriter(API_CONTENT_SECURITY_POLICY))))
                .addFilterBefore(new AdminTokenFilter(admin), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            if (!admin.tokenConfigured()) {
                                problems.write(request, response, HttpStatus.FORBIDDEN,
                                        "Admin calls are disabled: the service has no XEN_SUPPORT_ADMIN_TOKEN.");
                                return;
                            }
                            boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, presented
                                    ? "Bearer realm=\"xen-support-status\", error=\"invalid_token\""
                                    : "Bearer realm=\"xen-support-status\"");
                            problems.write(request, response, HttpStatus.UNAUTHORIZED, presented
                                    ? "The bearer token is not the admin token."
                                    : "This call needs Authorization: Bearer <admin token>.");
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(request, response,
                                HttpStatus.FORBIDDEN, "This call is for admins.")));
        return http.build();
    }

    /**
     * A URL the firewall refuses (encoded slashes, dot segments, NUL, ...) is a 400 problem like any
     * other bad request. It is refused before the header writers run, so the headers are set here.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
        ProblemWriter problems = new ProblemWriter(json);
        return (request, response, e) -> {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
            problems.write(request, response, HttpStatus.BAD_REQUEST,
                    "The URL holds characters or segments this service does not accept.");
        };
    }

    /** No user accounts: keeps Spring Boot from creating one with a generated password. */
    @Bean
    UserDetailsService noUsers() {
        return new InMemoryUserDetailsManager();
    }

    /** Authenticates a request that carries the admin token; leaves every other request anonymous. */
    static final class AdminTokenFilter extends OncePerRequestFilter {

        private static final String BEARER = "Bearer ";

        private final byte[] tokenHash;
        private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

        AdminTokenFilter(AdminSettings admin) {
            this.tokenHash = admin.tokenConfigured() ? sha256(admin.token()) : null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (tokenHash != null && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                // Comparing hashes takes the same time whatever the token's length and content.
                byte[] presented = sha256(header.substring(BEARER.length()).trim());
                if (MessageDigest.isEqual(presented, tokenHash)) {
                    SecurityContext context = contexts.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                            List.of(new SimpleGrantedAuthority("ROLE_" + ADMIN))));
                    contexts.setContext(context);
                }
            }
            chain.doFilter(request, response);
        }

        private static byte[] sha256(String text) {
            try {
                return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Writes an RFC 9457 problem, as the rest of the API does for its errors. */
    record ProblemWriter(JsonMapper json) {
        void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
                throws IOException {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", status.getReasonPhrase());
            problem.put("status", status.value());
            problem.put("detail", detail);
            problem.put("instance", request.getRequestURI());
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(json.writeValueAsString(problem));
        }
    }
}

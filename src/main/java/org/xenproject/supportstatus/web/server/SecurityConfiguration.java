package org.xenproject.supportstatus.web.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.filter.OncePerRequestFilter;
import org.xenproject.supportstatus.digest.Sha256;
import org.xenproject.supportstatus.web.problem.ProblemWriter;

/**
 * Spring Security guards only what has something to guard: admin calls, which need
 * {@code Authorization: Bearer <XEN_SUPPORT_ADMIN_TOKEN>}, and Actuator beyond what is exposed on
 * purpose. The public reads never pass through it (the firewall still sees every request), so they
 * cost no more than their answer. Stateless: no sessions, no CSRF (no cookies to ride on), no login
 * page, no generated password. Refusals are problems: 401 with {@code WWW-Authenticate: Bearer} for
 * a missing or wrong token, 403 when the service has no token and so accepts no admin call.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String ADMIN = "ADMIN";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AdminSettings admin, ProblemWriter problems) {
        http.securityMatcher("/api/v1/imports/**", "/api/v1/imports", "/actuator/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                // Headers are ResponseHeaders' job, for every answer alike.
                .headers(AbstractHttpConfigurer::disable)
                .addFilterBefore(new AdminTokenFilter(admin), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/imports")
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports", "/api/v1/imports/**")
                        .permitAll()
                        .requestMatchers(
                                "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest()
                        .hasRole(ADMIN))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            if (!admin.tokenConfigured()) {
                                problems.write(
                                        response,
                                        ProblemWriter.problem(
                                                HttpStatus.FORBIDDEN,
                                                "Admin calls are disabled: the service has no XEN_SUPPORT_ADMIN_TOKEN.",
                                                request.getRequestURI()));
                                return;
                            }
                            boolean presented = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
                            response.setHeader(
                                    HttpHeaders.WWW_AUTHENTICATE,
                                    presented
                                            ? "Bearer realm=\"xen-support-status\", error=\"invalid_token\""
                                            : "Bearer realm=\"xen-support-status\"");
                            problems.write(
                                    response,
                                    ProblemWriter.problem(
                                            HttpStatus.UNAUTHORIZED,
                                            presented
                                                    ? "The bearer token is not the admin token."
                                                    : "This call needs Authorization: Bearer <admin token>.",
                                            request.getRequestURI()));
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                response,
                                ProblemWriter.problem(
                                        HttpStatus.FORBIDDEN, "This call is for admins.", request.getRequestURI()))));
        return http.build();
    }

    /** A URL the firewall refuses (encoded slashes, dot segments, NUL, ...) is a 400 problem like any other bad request. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(
                response,
                ProblemWriter.problem(
                        HttpStatus.BAD_REQUEST,
                        "The URL holds characters or segments this service does not accept.",
                        null));
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
            this.tokenHash = admin.tokenConfigured() ? Sha256.of(admin.token()) : null;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (tokenHash != null && header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                // Comparing hashes takes the same time whatever the token's length and content.
                byte[] presented = Sha256.of(header.substring(BEARER.length()).trim());
                if (MessageDigest.isEqual(presented, tokenHash)) {
                    SecurityContext context = contexts.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            "admin", null, List.of(new SimpleGrantedAuthority("ROLE_" + ADMIN))));
                    contexts.setContext(context);
                }
            }
            chain.doFilter(request, response);
        }
    }
}

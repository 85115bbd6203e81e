package org.xenproject.supportstatus.web.server;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC finds the route of a path with a variable ({@code /api/v1/releases/{version}/features})
 * by testing every mapping, and tests a mapping's method and {@code produces} conditions before its
 * path: for a release's features, about an eighth of the answer's processor time went to mappings
 * whose path could never match (bench/README.md, "HTTP"). Here the path is tested first, so a
 * mapping for another path costs one pattern match. Which mapping answers, and the 404, 405 and 406
 * answers, are Spring's as before: a mapping whose path does not match was never chosen, and the
 * reasons for no match are worked out apart from this.
 *
 * <p>These routes are also asked first, before Actuator's: Spring asks each handler mapping in
 * turn, and Actuator's came first, so every public request was first tried against every Actuator
 * endpoint, with all its conditions. No route here matches an Actuator path ({@code /actuator/...}),
 * so those still reach Actuator, one lookup later.
 */
@Configuration(proxyBeanMethods = false)
class RouteMatching {

    @Bean
    WebMvcRegistrations pathFirstMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirst();
            }
        };
    }

    static final class PathFirst extends RequestMappingHandlerMapping {

        /** Spring MVC gives this mapping order 0, after Actuator's (-100): this one is asked first. */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            PathPatternsRequestCondition paths = info.getPathPatternsCondition();
            if (paths != null && paths.getMatchingCondition(request) == null) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }
    }
}

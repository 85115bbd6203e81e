package org.xenproject.supportstatus.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.xenproject.supportstatus.testing.ApiTest;

/** Routes are found path first (RequestTuning.PathFirst), and still by all of Spring's conditions. */
class RouteMatchingTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    DispatcherServlet dispatcher;

    @Test
    void theServiceFindsRoutesPathFirst() {
        assertThat(mappings).isInstanceOf(RequestTuning.PathFirst.class);
    }

    @Test
    void theServicesRoutesAreAskedBeforeActuatorsAndActuatorStillAnswers() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/info").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/releases").exchange().expectStatus().isOk();
        // The dispatcher's mappings, in the order it asks them (known once it has answered).
        assertThat(dispatcher.getHandlerMappings()).isNotNull();
        assertThat(dispatcher.getHandlerMappings().get(0)).isSameAs(mappings);
        assertThat(dispatcher.getHandlerMappings())
                .anySatisfy(mapping ->
                        assertThat(mapping.getClass().getSimpleName()).isEqualTo("WebMvcEndpointHandlerMapping"));
    }

    @Test
    void aPathWithVariablesFindsItsRoute() throws Exception {
        assertThat(handler("GET", "/api/v1/releases/4.22/features", null)).isEqualTo("features");
        assertThat(handler("GET", "/api/v1/releases/4.22/features/vtpm", null)).isEqualTo("feature");
        assertThat(handler("GET", "/api/v1/releases/4.22", "application/json")).isEqualTo("release");
    }

    @Test
    void aMatchingPathStillNeedsItsMethodAndMediaType() {
        assertThatThrownBy(() -> mappings.getHandler(request("DELETE", "/api/v1/releases/4.22/features", null)))
                .isInstanceOf(HttpRequestMethodNotSupportedException.class);
        assertThatThrownBy(() -> mappings.getHandler(request("GET", "/api/v1/releases/4.22/features", "image/png")))
                .isInstanceOf(HttpMediaTypeNotAcceptableException.class);
    }

    private String handler(String method, String path, String accept) throws Exception {
        HandlerExecutionChain chain = mappings.getHandler(request(method, path, accept));
        assertThat(chain).as(method + " " + path).isNotNull();
        return ((HandlerMethod) chain.getHandler()).getMethod().getName();
    }

    private static MockHttpServletRequest request(String method, String path, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}

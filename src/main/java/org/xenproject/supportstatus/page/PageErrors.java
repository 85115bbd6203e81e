package org.xenproject.supportstatus.page;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A bad version or filter on a page is answered as a page, with the status and words the API
 * would use; other failures reach the API's problem handler. Ordered before it, for the pages only.
 */
@ControllerAdvice(assignableTypes = {MatrixPageController.class, ReleasePageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e) {
        ProblemDetail problem = e.getBody();
        ModelAndView page = new ModelAndView("page/error");
        page.setStatus(e.getStatusCode());
        page.addObject("status", e.getStatusCode().value());
        page.addObject("title", problem.getTitle());
        page.addObject("detail", problem.getDetail());
        return page;
    }
}

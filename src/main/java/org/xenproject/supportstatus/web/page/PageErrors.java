package org.xenproject.supportstatus.web.page;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.xenproject.supportstatus.web.problem.ApiProblems;

/**
 * A bad version or filter on a page is answered as a page, with the status and words the API would
 * use ({@link ApiProblems} says what the problem is); other failures are answered as the API answers
 * them. Ordered before the API's advice, for the pages only.
 */
@ControllerAdvice(
        assignableTypes = {MatrixPageController.class, ReleasePageController.class, AdvisoryPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private final ApiProblems problems;

    PageErrors(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    Object refused(Exception e, WebRequest request) throws Exception {
        ResponseEntity<?> answer = problems.problem(e, request);
        if (!(answer.getBody() instanceof ProblemDetail problem)
                || !answer.getStatusCode().is4xxClientError()) {
            return answer;
        }
        ModelAndView page = new ModelAndView("page/error");
        page.setStatus(answer.getStatusCode());
        page.addObject("status", answer.getStatusCode().value());
        page.addObject("title", problem.getTitle());
        page.addObject("detail", problem.getDetail());
        return page;
    }
}

package dev.vaporform.platform.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel/JSON error page, which still speaks the legacy format. Errors
 * raised outside MVC (by Tomcat, or a filter calling {@code sendError}) end up here and leave
 * as problem+json like everything else.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        // a filter (authentication) that could not reach the database: an outage, not a bug
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure && DatabaseFailures.isUnavailable(failure)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, DatabaseFailures.RETRY_AFTER_SECONDS)
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DatabaseFailures.CODE, DatabaseFailures.TITLE, DatabaseFailures.DETAIL));
        }
        HttpStatus status = statusOf(request);
        String code = switch (status) {
            case NOT_FOUND -> "not-found";
            case CONTENT_TOO_LARGE -> "payload-too-large";
            case BAD_REQUEST -> "bad-request";
            case INTERNAL_SERVER_ERROR -> "internal-error";
            default -> status.name().toLowerCase().replace('_', '-');
        };
        ProblemDetail body = status == HttpStatus.NOT_FOUND ? NotFoundProblem.body()
                : Problems.of(status, code, status.getReasonPhrase(), detailFor(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String detailFor(HttpStatus status) {
        return status == HttpStatus.INTERNAL_SERVER_ERROR
                ? "Something went wrong on our side. Quote the correlation id when reporting it."
                : status.getReasonPhrase() + ".";
    }
}

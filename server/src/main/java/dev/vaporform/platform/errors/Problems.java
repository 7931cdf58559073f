package dev.vaporform.platform.errors;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import dev.vaporform.platform.ProblemTypes;
import dev.vaporform.platform.web.CorrelationIdFilter;

/**
 * Builds every RFC 9457 body the server sends, so that the MVC handler, the security layer,
 * the error page and the filters all answer in one shape: {@code type, title, status, detail,
 * code, correlationId} plus problem-specific members.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    /** @return a problem body for the given status, code, title and detail */
    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.of(code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
            // Names this occurrence. Set explicitly because Spring would otherwise put the request
            // path here, and a 404 must not differ between an existing and a missing resource.
            problem.setInstance(URI.create("urn:vaporform:request:" + correlationId));
        }
        return problem;
    }

    /** @return the same problem with extra members */
    public static ProblemDetail with(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }

    /** Writes a problem straight to the servlet response, for code that runs outside MVC. */
    public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body(problem));
    }

    private static Map<String, Object> body(ProblemDetail problem) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) body.putAll(problem.getProperties());
        return body;
    }
}

package dev.vaporform.platform.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat answers some requests itself, before any servlet runs: a request line or header too
 * large, a malformed request. Its default page is HTML; this writes the same problem+json as the
 * rest of the API instead, with no server details.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        HttpStatus resolved = HttpStatus.resolve(status);
        String reason = resolved == null ? "Error" : resolved.getReasonPhrase();
        String code = status == 400 ? "bad-request" : status == 431 || status == 413 ? "payload-too-large"
                : resolved == null ? "error" : resolved.name().toLowerCase().replace('_', '-');
        String correlationId = UUID.randomUUID().toString();
        String detail = "The server could not process this request: " + reason.toLowerCase() + ".";
        String rule = "";
        // Tomcat refuses an encoded '/' itself, before the firewall: say which rule, as the firewall's refusals do
        var broken = status == 400 ? RejectedUrls.ruleBroken(request.getRequestURI()) : java.util.Optional.<RejectedUrls.Rule>empty();
        if (broken.isPresent()) {
            code = RejectedUrls.CODE;
            reason = "Request rejected";
            detail = broken.get().sentence(); // fixed sentences without quotes or backslashes: safe in JSON as they are
            rule = ",\"rule\":\"" + broken.get().name() + "\"";
        }
        String json = "{\"type\":\"https://vaporform.dev/problems/" + code + "\",\"title\":\"" + reason + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code
                + "\",\"correlationId\":\"" + correlationId + "\"" + rule + "}";
        try {
            response.setHeader("X-Correlation-Id", correlationId);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response already committed; nothing more to say.
        }
    }
}

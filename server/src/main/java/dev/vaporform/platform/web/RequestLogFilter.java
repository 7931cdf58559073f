package dev.vaporform.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.vaporform.platform.AuthenticatedUser;

/**
 * One structured log line per request: method, path, status, duration, user and correlation id.
 * It deliberately logs neither the query string (WebSocket tickets travel there) nor any header
 * or body, so tokens, passwords and refresh tokens never reach the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("vaporform.request");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long millis = (System.nanoTime() - start) / 1_000_000;
            String path = LogSafe.path(request.getRequestURI());
            String user = request.getAttribute(AuthenticatedUser.class.getName()) instanceof AuthenticatedUser u ? u.id().toString() : "-";
            log.atInfo()
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", path)
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("durationMs", millis)
                    .addKeyValue("user", user)
                    .log("{} {} -> {} in {} ms (user {})", request.getMethod(), path, response.getStatus(), millis, user);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/actuator/health") || uri.startsWith("/actuator/prometheus");
    }
}

package dev.vaporform.platform;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistration;
import org.springframework.web.socket.server.HandshakeInterceptor;

import dev.vaporform.platform.errors.Problems;

/**
 * Runs before every WebSocket upgrade. A browser's {@code Origin} must be one of the
 * installation's own (exact match, no patterns: cross-site WebSocket hijacking is how Gitpod was
 * taken over); the caller must present a one-time {@code ticket} or an {@code Authorization:
 * Bearer} token. Otherwise the upgrade is refused with a problem body and no handler runs.
 */
@Component
public class AuthenticatingHandshakeInterceptor implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuthenticatingHandshakeInterceptor.class);

    private final RealtimeTickets tickets;
    private final BearerAuthenticator bearer;
    private final List<String> allowedOrigins;

    AuthenticatingHandshakeInterceptor(RealtimeTickets tickets, BearerAuthenticator bearer, PlatformProperties platform) {
        this.tickets = tickets;
        this.bearer = bearer;
        this.allowedOrigins = platform.effectiveAllowedOrigins();
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws IOException {
        HttpServletRequest http = ((ServletServerHttpRequest) request).getServletRequest();
        HttpServletResponse out = ((ServletServerHttpResponse) response).getServletResponse();
        String origin = http.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowedOrigins.contains(origin)) {
            log.warn("Refused WebSocket upgrade from foreign origin");
            Problems.write(out, Problems.of(HttpStatus.FORBIDDEN, "origin-not-allowed", "Origin not allowed",
                    "WebSocket connections are accepted only from this installation's own pages."));
            return false;
        }
        Optional<AuthenticatedUser> user = authenticate(http);
        if (user.isEmpty()) {
            out.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(out, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "Open WebSockets with a fresh ticket from POST /api/realtime/tickets (?ticket=…) or a bearer token."));
            return false;
        }
        attributes.put(RealtimeHandshake.USER, user.get());
        return true;
    }

    private Optional<AuthenticatedUser> authenticate(HttpServletRequest http) {
        String ticket = http.getParameter("ticket");
        if (ticket != null) return tickets.redeem(ticket);
        String header = http.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer.authenticate(header.substring(7).strip());
        }
        return Optional.empty();
    }

    /**
     * Puts a WebSocket endpoint behind this handshake and the installation's exact origins. Every
     * endpoint registers through here, so none can forget either check.
     */
    public void guard(WebSocketHandlerRegistration registration) {
        registration.addInterceptors(this).setAllowedOrigins(allowedOrigins.toArray(String[]::new));
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {}
}

package dev.vaporform.platform.security;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.BearerAuthenticator;
import dev.vaporform.platform.errors.Problems;

/**
 * Reads {@code Authorization: Bearer <token>} and, when the token stands for an active user,
 * makes that user the request's principal. A request without the header goes on anonymous (the
 * authorization rules then decide); a header that is present but not exactly one well-formed
 * bearer token, or a token that does not authenticate, ends the request with 401. A workspace's
 * credential is confined here, in this one place, to the routes {@link WorkspaceTokenRoutes}
 * allows; anything else it asks for — on any path, {@code /ws/**} included — is refused with 403
 * {@code token-out-of-scope} before authorization rules or controllers see it.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);
    // Longer than any token we issue by far; refuses 10 KB garbage without parsing it.
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final BearerAuthenticator authenticator;
    private final ProblemAuthenticationEntryPoint entryPoint;

    BearerTokenFilter(BearerAuthenticator authenticator, ProblemAuthenticationEntryPoint entryPoint) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AuthenticatedUser> user = tokenOf(headers).flatMap(authenticator::authenticate);
        if (user.isEmpty()) {
            log.info("Rejected bearer credential for {} {}", request.getMethod(), request.getRequestURI().length() > 200
                    ? request.getRequestURI().substring(0, 200) : request.getRequestURI());
            entryPoint.rejectInvalidToken(response);
            return;
        }
        AuthenticatedUser caller = user.get();
        if (caller.workspace() && !WorkspaceTokenRoutes.allow(request, caller.projectScope())) {
            Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "token-out-of-scope", "Token out of scope",
                    "A workspace's credential may only read and write its own project's files."));
            return;
        }
        var authentication = new UsernamePasswordAuthenticationToken(caller, null, authorities(caller));
        request.setAttribute(AuthenticatedUser.class.getName(), caller); // for the request log, which runs outside
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<SimpleGrantedAuthority> authorities(AuthenticatedUser caller) {
        if (caller.workspace()) return List.of(new SimpleGrantedAuthority("ROLE_WORKSPACE"));
        return caller.admin()
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    /** @return the token when the headers hold exactly one {@code Bearer <token>}, else empty */
    static Optional<String> tokenOf(List<String> headers) {
        if (headers.size() != 1) return Optional.empty();
        String value = headers.getFirst();
        if (value.length() < 8 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = value.substring(7).strip();
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}

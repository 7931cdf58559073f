package dev.vaporform.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.errors.Problems;

/** 401 as problem+json with {@code WWW-Authenticate: Bearer}, for missing and for bad credentials. */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                "Send a valid access token or API token as 'Authorization: Bearer <token>'."));
    }

    void rejectInvalidToken(HttpServletResponse response) throws IOException {
        // RFC 6750 §3: say the token was the problem, without saying why.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        Problems.write(response, Problems.of(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                "The token is malformed, expired or revoked. Sign in again or refresh the access token."));
    }
}

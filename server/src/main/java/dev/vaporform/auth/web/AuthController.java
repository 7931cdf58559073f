package dev.vaporform.auth.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.auth.internal.Accounts;
import dev.vaporform.auth.internal.Sessions;
import dev.vaporform.auth.web.AuthDtos.LoginRequest;
import dev.vaporform.auth.web.AuthDtos.PasswordChangeRequest;
import dev.vaporform.auth.web.AuthDtos.RefreshRequest;
import dev.vaporform.auth.web.AuthDtos.RefreshView;
import dev.vaporform.auth.web.AuthDtos.RegisterRequest;
import dev.vaporform.auth.web.AuthDtos.SessionView;
import dev.vaporform.auth.web.AuthDtos.UserView;
import dev.vaporform.platform.AuthenticatedUser;

/** Sign-up, sign-in, token refresh, sign-out and the caller's own account. */
@RestController
@RequestMapping("/api/auth")
class AuthController {

    private final Sessions sessions;
    private final Accounts accounts;

    AuthController(Sessions sessions, Accounts accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView register(@Valid @RequestBody RegisterRequest body, HttpServletRequest request) {
        // The client address as for logins: Tomcat's RemoteIpValve takes X-Forwarded-For from internal proxies only.
        return SessionView.of(sessions.register(body.email(), body.password(), body.name(), request.getRemoteAddr()));
    }

    @PostMapping("/login")
    SessionView login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
        return SessionView.of(sessions.login(body.email(), body.password(), request.getRemoteAddr()));
    }

    @PostMapping("/refresh")
    RefreshView refresh(@Valid @RequestBody RefreshRequest body) {
        return RefreshView.of(sessions.refresh(body.refreshToken()));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest body) {
        sessions.logout(body.refreshToken());
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logoutAll(@AuthenticationPrincipal AuthenticatedUser caller) {
        sessions.logoutAll(caller.id());
    }

    @GetMapping("/me")
    UserView me(@AuthenticationPrincipal AuthenticatedUser caller) {
        return UserView.of(accounts.get(caller.id()));
    }

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody PasswordChangeRequest body) {
        sessions.changePassword(caller.id(), caller.sessionId(), body.currentPassword(), body.newPassword());
    }
}

package dev.vaporform.auth.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.auth.internal.ApiToken;
import dev.vaporform.auth.internal.ApiTokens;
import dev.vaporform.auth.web.AuthDtos.CreateApiTokenRequest;
import dev.vaporform.auth.web.AuthDtos.CreatedApiTokenView;
import dev.vaporform.platform.AuthenticatedUser;
import dev.vaporform.platform.Page;

/** The caller's personal API tokens. */
@RestController
@RequestMapping("/api/auth/tokens")
class ApiTokenController {

    private final ApiTokens tokens;

    ApiTokenController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedApiTokenView create(@AuthenticationPrincipal AuthenticatedUser caller, @Valid @RequestBody CreateApiTokenRequest body) {
        var created = tokens.create(caller.id(), body.name(), body.days());
        return new CreatedApiTokenView(created.token().id(), created.token().name(), created.secret(),
                created.token().createdAt(), created.token().expiresAt());
    }

    @GetMapping
    Page<ApiToken> list(@AuthenticationPrincipal AuthenticatedUser caller) {
        List<ApiToken> all = tokens.list(caller.id());
        return new Page<>(all, 0, Math.max(all.size(), 1), all.size());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable UUID id) {
        tokens.delete(caller.id(), id);
    }
}

package dev.vaporform.auth.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.vaporform.auth.internal.Accounts;
import dev.vaporform.auth.internal.User;
import dev.vaporform.auth.web.AuthDtos.AdminUserPatch;
import dev.vaporform.auth.web.AuthDtos.AdminUserView;
import dev.vaporform.platform.Page;
import dev.vaporform.platform.PageRequest;

/** Installation administration; the security chain lets only admins in ({@code /api/admin/**}). */
@RestController
@RequestMapping("/api/admin/users")
class AdminUserController {

    private final Accounts accounts;

    AdminUserController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Page<AdminUserView> list(@RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return accounts.list(new PageRequest(page, size)).map(AdminUserView::of);
    }

    @PatchMapping("/{id}")
    AdminUserView update(@PathVariable UUID id, @Valid @RequestBody AdminUserPatch body) {
        User.Role role = body.role() == null ? null : User.Role.valueOf(body.role());
        return AdminUserView.of(accounts.update(id, body.active(), role));
    }
}

package dev.vaporform.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only route that fails the way a bug would, carrying secrets in its message. */
@RestController
class FailingTestController {

    @GetMapping("/test-support/boom")
    String boom() {
        throw new IllegalStateException("SELECT password_hash FROM users WHERE token = 'vfp_secret-token-value'");
    }
}

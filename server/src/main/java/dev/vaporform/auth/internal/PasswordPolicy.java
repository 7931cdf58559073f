package dev.vaporform.auth.internal;

import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.vaporform.platform.AfterStartup;
import dev.vaporform.platform.InvalidParameter;

/**
 * ASVS 6.2: 8 to 128 characters (counted as code points, never truncated or case-folded), no
 * composition rules, and refused when nbvcxz's estimate — which knows common and breached
 * password lists, keyboard walks, dates and leet-speak — is below the configured entropy, or
 * when it contains the user's own email name.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    // nbvcxz loads its dictionaries when built (~0.2 s of CPU): after start-up, not beside it.
    private final AfterStartup<Nbvcxz> estimator;

    PasswordPolicy(AuthProperties properties) {
        this.estimator = AfterStartup.of("password-dictionaries", () -> new Nbvcxz(new ConfigurationBuilder()
                .setMinimumEntropy(properties.passwordMinEntropy())
                .setMaxLength(MAX_LENGTH)
                .createConfiguration()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadDictionaries() {
        estimator.buildInBackground();
    }

    /** @throws InvalidParameter for a length out of bounds; @throws WeakPassword naming what is wrong, in words a user can act on */
    void check(String field, String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) throw new InvalidParameter(field, "must be at least " + MIN_LENGTH + " characters long");
        if (length > MAX_LENGTH) throw new InvalidParameter(field, "must be at most " + MAX_LENGTH + " characters long");
        String localPart = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (localPart.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(localPart.toLowerCase(Locale.ROOT))) {
            throw new WeakPassword(field, "must not contain your email address");
        }
        Result result = estimator.get().estimate(password);
        if (!result.isMinimumEntropyMet()) {
            String warning = result.getFeedback() == null ? null : result.getFeedback().getWarning();
            String reason = warning == null ? "" : " (" + warning.replaceAll("[.\\s]+$", "") + ")";
            throw new WeakPassword(field, "is too easy to guess" + reason + ". Use a longer passphrase of unrelated words.");
        }
    }
}

package dev.vaporform.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Decides whether browser tests run: see {@link RequiresBrowser}. */
public class BrowserCondition implements ExecutionCondition {

    /** Debian's Chromium ({@code apt-get install -y chromium}); {@code VAPORFORM_CHROMIUM} points elsewhere. */
    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("VAPORFORM_CHROMIUM", "/usr/bin/chromium"));
    static final String SKIP_REASON = "[browser] no Chromium at " + CHROMIUM;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM)) return ConditionEvaluationResult.enabled("Chromium available");
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true and no Chromium at " + CHROMIUM
                    + ": browser tests are mandatory in CI (.ci/run installs the chromium package).");
        }
        return ConditionEvaluationResult.disabled(SKIP_REASON);
    }
}

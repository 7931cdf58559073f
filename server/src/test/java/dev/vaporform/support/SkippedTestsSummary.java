package dev.vaporform.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** Prints one loud line when tests were skipped for a missing engine or browser. */
public class SkippedTestsSummary implements TestExecutionListener {

    private final AtomicInteger dockerSkipped = new AtomicInteger();
    private final AtomicInteger browserSkipped = new AtomicInteger();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (reason != null && reason.startsWith("[docker]")) {
            dockerSkipped.incrementAndGet();
        } else if (reason != null && reason.startsWith("[browser]")) {
            browserSkipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (dockerSkipped.get() > 0) {
            System.err.println("\n!!! SKIPPED " + dockerSkipped.get() + " Docker test class(es)/test(s): " + DockerCondition.SKIP_REASON
                    + ". Install and start Docker to run them (CI runs them always).\n");
        }
        if (browserSkipped.get() > 0) {
            System.err.println("\n!!! SKIPPED " + browserSkipped.get() + " browser test class(es)/test(s): " + BrowserCondition.SKIP_REASON
                    + ". Install Debian's chromium (apt-get install -y chromium) to run them (CI runs them always).\n");
        }
    }
}

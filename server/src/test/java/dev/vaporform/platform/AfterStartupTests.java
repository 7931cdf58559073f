package dev.vaporform.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class AfterStartupTests {

    @Test
    void theFirstCallerBuildsTheValueWhenNoOneStartedIt() {
        var builds = new AtomicInteger();
        var value = AfterStartup.of("test-value", () -> "built " + builds.incrementAndGet());

        assertThat(value.get()).isEqualTo("built 1");
        assertThat(value.get()).isEqualTo("built 1");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aBackgroundBuildRunsOnceAndCallersWaitForIt() throws Exception {
        var builds = new AtomicInteger();
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var value = AfterStartup.of("test-value", () -> {
            builds.incrementAndGet();
            started.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
            return Thread.currentThread().isVirtual() ? "built on a virtual thread" : "built elsewhere";
        });

        value.buildInBackground();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        value.buildInBackground();
        var caller = CompletableFuture.supplyAsync(value::get);
        Thread.sleep(50);
        assertThat(caller).isNotDone();

        release.countDown();
        assertThat(caller.get(10, TimeUnit.SECONDS)).isEqualTo("built on a virtual thread");
        value.buildInBackground();
        assertThat(value.get()).isEqualTo("built on a virtual thread");
        assertThat(builds).hasValue(1);
    }

    @Test
    void rejectsEveryCallWithTheBuildsFailureWhenBuildingFailed() {
        var value = AfterStartup.<String>of("broken-value", () -> {
            throw new IllegalArgumentException("dictionary missing");
        });

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(value::get)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("broken-value could not be built")
                    .hasRootCauseMessage("dictionary missing");
        }
    }
}

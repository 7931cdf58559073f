package dev.vaporform.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.FakeAnthropic;
import dev.vaporform.support.FakeAnthropic.Failure;
import dev.vaporform.support.FakeAnthropic.Hang;
import dev.vaporform.support.FakeAnthropic.Stream;
import dev.vaporform.support.Users.Session;

/** The provider misbehaving (cases 52–54): retries, refusals, stalls, broken streams, the breaker, limits. */
class AiFailureTests extends AiTestSupport {

    private static Stream slow(int chunks, Duration every) {
        return new Stream(java.util.Collections.nCopies(chunks, "tick "), every, 10, 10, null, Duration.ZERO);
    }

    @Test
    void rateLimitWithRetryAfterIsWaitedForAndRetried() {
        fake.enqueue(new Failure(429, "rate_limit_error", Map.of("retry-after", "1")), FakeAnthropic.answer("after the wait"));
        int before = fake.requests().size();
        long start = System.nanoTime();

        var events = generate(owner, Map.of("prompt", "Hello"));

        assertThat(SseEvents.text(events)).isEqualTo("after the wait");
        assertThat(fake.requests().size() - before).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void aRetryAfterLongerThanWeWaitIsPassedOnAt429WithoutRetrying() {
        fake.enqueue(new Failure(429, "rate_limit_error", Map.of("retry-after", "60")));
        int before = fake.requests().size();

        var response = refused(owner, Map.of("prompt", "Hello"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("ai-provider-busy");
        assertThat(response.json().path("retryAfterSeconds").asLong()).isEqualTo(60);
        assertThat(fake.requests().size() - before).isEqualTo(1);
    }

    @Test
    void overloaded529IsRetriedWithBackoffUntilItAnswers() {
        fake.enqueue(new Failure(529, "overloaded_error", Map.of()), new Failure(529, "overloaded_error", Map.of()),
                FakeAnthropic.answer("finally"));
        int before = fake.requests().size();

        var events = generate(owner, Map.of("prompt", "Hello"));

        assertThat(SseEvents.text(events)).isEqualTo("finally");
        assertThat(fake.requests().size() - before).isEqualTo(3);
    }

    @Test
    void overloadedOnEveryAttemptEndsIn503AfterTheConfiguredAttempts() {
        for (int i = 0; i < 3; i++) fake.enqueue(new Failure(529, "overloaded_error", Map.of()));
        int before = fake.requests().size();

        var response = refused(owner, Map.of("prompt", "Hello"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.text("code")).isEqualTo("ai-unavailable");
        assertThat(fake.requests().size() - before).isEqualTo(3);
        assertThat(usageOutcomes(owner)).containsExactly("refused");
    }

    @Test
    void aSpendLimitIsNeverRetried() {
        fake.enqueue(new Failure(402, "billing_error", Map.of()));
        int before = fake.requests().size();

        var response = refused(owner, Map.of("prompt", "Hello"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.text("code")).isEqualTo("ai-provider-spend-limit");
        assertThat(fake.requests().size() - before).isEqualTo(1);
    }

    @Test
    void aServerErrorIs503ProblemWithoutRetry() {
        fake.enqueue(new Failure(500, "api_error", Map.of()));
        int before = fake.requests().size();

        var response = refused(owner, Map.of("prompt", "Hello"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.text("code")).isEqualTo("ai-unavailable");
        assertThat(response.text("detail")).doesNotContain("sk-ant");
        assertThat(fake.requests().size() - before).isEqualTo(1);
    }

    @Test
    void aProviderThatSendsNoHeadersTimesOutAs504WithinTheDeadline() {
        fake.enqueue(new Hang(Duration.ofSeconds(10)));
        long start = System.nanoTime();

        var response = refused(owner, Map.of("prompt", "Hello"));

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.text("code")).isEqualTo("ai-timeout");
        // first-token timeout 1 s (+ scheduling): well before the provider's 10 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aStalledAnswerEndsWithATimeoutEventAndTheUpstreamCallIsClosed() {
        write("a.txt", "one\n");
        int hangUps = fake.hangUps();
        fake.enqueue(new Stream(List.of(editBlock("a.txt", "one\n", "two\n")), Duration.ZERO, 10, 10, null, Duration.ofSeconds(8)));
        long start = System.nanoTime();

        var events = generate(owner, Map.of("prompt", "Hello", "apply", true));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(events).extracting(SseEvents.Event::name).containsExactly("error");
        var problem = events.getFirst().data().path("problem");
        assertThat(problem.path("status").asInt()).isEqualTo(504);
        assertThat(problem.path("code").asString()).isEqualTo("ai-timeout");
        assertThat(problem.path("type").asString()).isEqualTo("https://vaporform.dev/problems/ai-timeout");
        await().atMost(Duration.ofSeconds(3)).until(() -> fake.hangUps() > hangUps);
        assertThat(read("a.txt")).isEqualTo("one\n");
        assertThat(usageOutcomes(owner)).containsExactly("timeout");
    }

    @Test
    void anAnswerLongerThanTheTotalDeadlineIsCutWithATimeoutEvent() {
        fake.enqueue(slow(40, Duration.ofMillis(150)));

        var events = generate(owner, Map.of("prompt", "Hello"));

        assertThat(events.getFirst().name()).isEqualTo("delta");
        assertThat(events.getLast().name()).isEqualTo("error");
        assertThat(events.getLast().data().path("problem").path("code").asString()).isEqualTo("ai-timeout");
        assertThat(SseEvents.named(events, "done")).isEmpty();
    }

    @Test
    void aMidStreamErrorEndsTheStreamWithAnErrorEventAndWritesNothing() {
        write("a.txt", "one\n");
        fake.enqueue(new Stream(List.of("Changing it.\n", editBlock("a.txt", "one\n", "two\n")), Duration.ofMillis(20), 10, 10,
                "overloaded_error", Duration.ZERO));

        var events = generate(owner, Map.of("prompt", "Change a", "path", "a.txt", "apply", true));

        assertThat(events).extracting(SseEvents.Event::name).containsExactly("delta", "delta", "error");
        var problem = events.getLast().data().path("problem");
        assertThat(problem.path("code").asString()).isEqualTo("ai-answer-failed");
        assertThat(problem.path("detail").asString()).contains("Nothing was changed");
        assertThat(read("a.txt")).isEqualTo("one\n");
        assertThat(http.get("/api/projects/" + projectId + "/ai/sessions").bearer(owner.accessToken()).send().json().path("total").asLong()).isZero();
        assertThat(usageOutcomes(owner)).containsExactly("error");
    }

    @Test
    void closingTheStreamCancelsTheUpstreamCall() {
        int hangUps = fake.hangUps();
        fake.enqueue(slow(100, Duration.ofMillis(100)));
        var response = generateRequest(owner, Map.of("prompt", "Hello")).sendForLines();
        var events = new SseEvents(response.body());
        assertThat(events.next().name()).isEqualTo("delta");

        events.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> fake.hangUps() > hangUps);
        await().atMost(Duration.ofSeconds(5)).until(() -> usageOutcomes(owner).equals(List.of("cancelled")));
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAnswersFastThenRecovers() {
        for (int i = 0; i < 8; i++) {
            fake.enqueue(new Failure(500, "api_error", Map.of()));
            Session user = users.register(uniqueEmail("ai-breaker"));
            assertThat(http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", user.email(), "role", "collaborator"))
                    .bearer(owner.accessToken()).send().status()).isEqualTo(201);
            assertThat(refused(user, Map.of("prompt", "Hello")).status()).isEqualTo(503);
        }
        int before = fake.requests().size();

        var fast = refused(owner, Map.of("prompt", "Hello"));

        assertThat(fast.status()).isEqualTo(503);
        assertThat(fast.text("detail")).contains("has been failing");
        assertThat(fake.requests().size()).isEqualTo(before);
        assertThat(http.get("/actuator/health/readiness").send().json().path("components").path("ai").path("status").asString()).isEqualTo("DEGRADED");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Session again = users.register(uniqueEmail("ai-recovered"));
            var response = http.post("/api/projects/" + createProject(again, "p") + "/ai/generate", Map.of("prompt", "Hello"))
                    .bearer(again.accessToken()).send();
            assertThat(response.status()).isEqualTo(200);
        });
        assertThat(http.get("/actuator/health/readiness").send().json().path("components").path("ai").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void perUserRateLimitAnswers429WithRetryAfter() {
        for (int i = 0; i < 6; i++) assertThat(generate(owner, Map.of("prompt", "Hello " + i)).getLast().name()).isEqualTo("done");

        var response = refused(owner, Map.of("prompt", "One too many"));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.text("code")).isEqualTo("rate-limited");
        assertThat(response.header("Retry-After")).isNotBlank();
    }

    @Test
    void theDailyTokenBudgetStopsFurtherCallsWith402() {
        fake.enqueue(new Stream(List.of("expensive"), Duration.ZERO, 3000, 2500, null, Duration.ZERO));
        generate(owner, Map.of("prompt", "Hello"));
        int before = fake.requests().size();

        var response = refused(owner, Map.of("prompt", "Again"));

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.text("code")).isEqualTo("ai-budget-exceeded");
        assertThat(fake.requests().size()).isEqualTo(before);
        var usage = http.get("/api/ai/usage").bearer(owner.accessToken()).send().json();
        assertThat(usage.path("remaining").asLong()).isZero();
    }

    @Test
    void promptsOverTheLimitsAreRefusedBeforeAnyCall() {
        int before = fake.requests().size();
        var tooLong = refused(owner, Map.of("prompt", "x".repeat(4001)));
        assertThat(tooLong.status()).isEqualTo(413);
        assertThat(tooLong.text("code")).isEqualTo("ai-prompt-too-large");

        write("big.txt", "word ".repeat(4000));
        var bigSelection = refused(owner, Map.of("prompt", "Explain", "path", "big.txt", "selection", Map.of("from", 0, "to", 20000)));
        assertThat(bigSelection.status()).isEqualTo(413);

        var empty = refused(owner, Map.of("prompt", "  "));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("code")).isEqualTo("validation");
        var badSelection = refused(owner, Map.of("prompt", "Explain", "path", "big.txt", "selection", Map.of("from", 5, "to", 2)));
        assertThat(badSelection.status()).isEqualTo(400);
        var badPath = refused(owner, Map.of("prompt", "Explain", "path", "../etc/passwd"));
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(badPath.text("code")).isEqualTo("invalid-path");
        assertThat(fake.requests().size()).isEqualTo(before);
    }

    @Test
    void viewersMayReadButNotGenerateAndStrangersSeeNothing() {
        Session viewer = member("viewer");
        var asViewer = refused(viewer, Map.of("prompt", "Hello"));
        assertThat(asViewer.status()).isEqualTo(403);
        assertThat(asViewer.text("code")).isEqualTo("project-role-too-low");
        Session stranger = users.register(uniqueEmail("ai-stranger"));
        assertThat(refused(stranger, Map.of("prompt", "Hello")).status()).isEqualTo(404);
        assertThat(http.get("/api/projects/" + projectId + "/ai/sessions").bearer(stranger.accessToken()).send().status()).isEqualTo(404);
    }
}

package dev.vaporform.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One tenant flooding search with catastrophically backtracking regular expressions must not
 * change another tenant's answers: the flood is bounded per user and the search pool is shared
 * fairly, and a runaway regex gives its thread back at the time budget.
 */
class SearchFloodTests extends FilesTest {

    /** Exponential on "aaa…ab": the back reference keeps java.util.regex from memoizing the loop, as it does for (a+)+$. */
    private static final String CATASTROPHIC = "(a+)+\\1$";
    private static final int FLOOD = 20;

    @Test
    void aFloodOfCatastrophicRegexesLeavesAnotherTenantsSearchUnchangedAndFast() throws Exception {
        Session attacker = users.register(uniqueEmail("search-flooder"));
        UUID theirs = createProject(attacker);
        for (int i = 0; i < 24; i++) {
            putAs(attacker, theirs, "bad/f" + i + ".txt", ("a".repeat(40) + "b\n").repeat(5));
        }
        for (int i = 0; i < 20; i++) {
            put("src/F" + i + ".java", "class F" + i + " {}\n" + (i % 3 == 0 ? "// needle " + i + "\n" : "// hay\n"));
        }
        Http.Response quiet = search(owner, project, "needle");
        assertThat(quiet.json().path("hits").size()).isEqualTo(7);

        try (ExecutorService clients = Executors.newFixedThreadPool(FLOOD)) {
            List<CompletableFuture<Http.Response>> flood = new ArrayList<>();
            for (int i = 0; i < FLOOD; i++) {
                flood.add(CompletableFuture.supplyAsync(() -> regexSearch(attacker, theirs, CATASTROPHIC), clients));
            }
            await().atMost(Duration.ofSeconds(10)).until(SearchFloodTests::aSearchThreadIsBacktracking);

            long started = System.nanoTime();
            Http.Response underFlood = search(owner, project, "needle");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(took).as("the other tenant's search under the flood").isLessThan(Duration.ofSeconds(5));
            assertThat(underFlood.status()).as(underFlood.toString()).isEqualTo(200);
            assertThat(underFlood.json().path("hits")).as(underFlood.toString()).isEqualTo(quiet.json().path("hits"));
            assertThat(underFlood.json().path("truncated").asBoolean()).as(underFlood.toString()).isFalse();
            assertThat(underFlood.json().path("timedOut").asBoolean()).as(underFlood.toString()).isFalse();
            assertThat(flood).as("the flood was still running").anyMatch(f -> !f.isDone());

            List<Http.Response> answers = flood.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(SearchFloodTests::assertBusyOrOwnRegexRefused);
            assertThat(answers.stream().filter(a -> a.status() == 429)).as(answers.toString()).hasSizeGreaterThanOrEqualTo(FLOOD - 2);
        }
    }

    @Test
    void rejectsSearchesBeyondTheUsersRatePerMinuteWithRetryAfter() {
        put("r.txt", "needle\n");
        Http.Response refused = null;
        int answered = 0;
        for (int i = 0; i < 200 && refused == null; i++) { // 120 per minute, refilled at 2 a second meanwhile
            Http.Response response = search(owner, project, "needle");
            if (response.status() == 429) refused = response;
            else answered++;
        }
        assertThat(refused).as("a search beyond the rate").isNotNull();
        assertThat(answered).isGreaterThanOrEqualTo(120);
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        Session other = users.register(uniqueEmail("search-neighbour"));
        UUID theirs = createProject(other);
        assertThat(search(other, theirs, "needle").status()).as("another user is not limited").isEqualTo(200);
    }

    /** The flooder's excess is refused at once; what was admitted ran out its own time budget. */
    private static void assertBusyOrOwnRegexRefused(Http.Response answer) {
        if (answer.status() == 429) {
            assertProblem(answer, 429, "search-busy");
            assertThat(answer.text("type")).isEqualTo("https://vaporform.dev/problems/search-busy");
            assertThat(answer.header("Retry-After")).isNotBlank();
        } else if (answer.status() == 400) {
            assertProblem(answer, 400, "invalid-search");
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("timedOut").asBoolean()).as(answer.toString()).isTrue();
        }
    }

    private static boolean aSearchThreadIsBacktracking() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().startsWith("files-search-"))
                .anyMatch(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getClassName().startsWith("java.util.regex.")));
    }

    private Http.Response search(Session who, UUID projectId, String text) {
        return http.get("/api/projects/" + projectId + "/search?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8))
                .bearer(who.accessToken()).send();
    }

    private Http.Response regexSearch(Session who, UUID projectId, String regex) {
        return http.get("/api/projects/" + projectId + "/search?regex=true&q=" + URLEncoder.encode(regex, StandardCharsets.UTF_8))
                .bearer(who.accessToken()).send();
    }

    private void putAs(Session who, UUID projectId, String path, String content) {
        var response = http.put("/api/projects/" + projectId + "/files/" + encode(path), content)
                .contentType("application/octet-stream").bearer(who.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
    }
}

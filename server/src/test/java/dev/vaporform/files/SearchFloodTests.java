package dev.vaporform.files;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

/**
 * One tenant flooding search with regular expressions that backtrack exponentially in a
 * backtracking engine must not change another tenant's answers, nor get a node's CPU for
 * seconds per request: regexes are matched in linear time, the flood is bounded per user, and
 * the search pool is shared fairly.
 */
class SearchFloodTests extends FilesTest {

    /**
     * Exponential in java.util.regex on a line of a's that does not end in one (JDK 25: 2.7 s on
     * 30 a's and a b, doubling with each further a); linear in RE2.
     */
    private static final String CATASTROPHIC = "(.*a){12}$";
    private static final String NO_MATCH_LINE = "a".repeat(40) + "b\n";
    private static final int FLOOD = 20;

    @Test
    void aRegexThatBacktracksExponentiallyIsAnsweredInFullRatherThanAtTheTimeBudget() {
        put("evil/long.txt", NO_MATCH_LINE.repeat(20) + "a".repeat(40) + "\n" + NO_MATCH_LINE);

        Http.Response answer = regexSearch(owner, project, CATASTROPHIC);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("timedOut").asBoolean()).as(answer.toString()).isFalse();
        assertThat(answer.json().path("hits")).as(answer.toString()).hasSize(1);
        assertThat(answer.json().path("hits").get(0).path("line").asInt()).isEqualTo(21);
    }

    @Test
    void aBackReferenceIsRefusedAtOnceWithASentenceSayingWhatIsUnsupported() {
        Http.Response answer = regexSearch(owner, project, "(a+)+\\1$");

        assertProblem(answer, 400, "invalid-search");
        assertThat(answer.text("detail")).contains("`\\1`").contains("Back references");
    }

    @Test
    void aFloodOfCatastrophicRegexesLeavesAnotherTenantsSearchUnchanged() throws Exception {
        Session attacker = users.register(uniqueEmail("search-flooder"));
        UUID theirs = createProject(attacker);
        for (int i = 0; i < 24; i++) {
            putAs(attacker, theirs, "bad/f" + i + ".txt", NO_MATCH_LINE.repeat(5));
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
            Http.Response underFlood = search(owner, project, "needle");

            assertThat(underFlood.status()).as(underFlood.toString()).isEqualTo(200);
            assertThat(underFlood.json().path("hits")).as(underFlood.toString()).isEqualTo(quiet.json().path("hits"));
            assertThat(underFlood.json().path("truncated").asBoolean()).as(underFlood.toString()).isFalse();
            assertThat(underFlood.json().path("timedOut").asBoolean()).as(underFlood.toString()).isFalse();

            List<Http.Response> answers = flood.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(SearchFloodTests::assertBusyOrAnsweredInFull);
            assertThat(answers).as("the flood's searches that ran").anyMatch(a -> a.status() == 200);
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

    /** The flooder's excess is refused at once; what was admitted was answered in full (no line matches). */
    private static void assertBusyOrAnsweredInFull(Http.Response answer) {
        if (answer.status() == 429) {
            assertProblem(answer, 429, "search-busy");
            assertThat(answer.text("type")).isEqualTo("https://vaporform.dev/problems/search-busy");
            assertThat(answer.header("Retry-After")).isNotBlank();
        } else {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.json().path("timedOut").asBoolean()).as(answer.toString()).isFalse();
            assertThat(answer.json().path("hits")).as(answer.toString()).isEmpty();
        }
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

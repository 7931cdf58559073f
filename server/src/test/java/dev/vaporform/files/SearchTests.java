package dev.vaporform.files;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/** Find in files through the API: exact line hits, case rules, regular expressions, tenancy. */
class SearchTests extends FilesTest {

    private Http.Response search(String query) {
        return http.get(base() + "/search?" + query).bearer(owner.accessToken()).send();
    }

    private List<String> hits(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> hits = new java.util.ArrayList<>();
        response.json().path("hits").forEach(h -> hits.add(h.path("path").asString() + ":" + h.path("line").asInt() + ":" + h.path("preview").asString()));
        return hits;
    }

    @Test
    void findsLiteralTextCaseInsensitivelyByDefaultWithPathLineAndPreview() {
        put("src/A.java", "package a;\nclass HelloWorld {}\n// helloworld again\n");
        put("src/B.txt", "nothing here\n");
        assertThat(hits(search("q=HELLOworld"))).containsExactly(
                "src/A.java:2:class HelloWorld {}", "src/A.java:3:// helloworld again");
        assertThat(search("q=helloworld").json().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void honoursCaseSensitivityOnRequest() {
        put("c.txt", "Foo\nfoo\nFOO\n");
        assertThat(hits(search("q=foo&caseSensitive=true"))).containsExactly("c.txt:2:foo");
        assertThat(hits(search("q=Foo&caseSensitive=false"))).hasSize(3);
    }

    @Test
    void matchesRegularExpressionsLineByLine() {
        put("r.java", "int count = 42;\nString name = \"x\";\nint total = 7;\n");
        assertThat(hits(search("q=" + encodeQuery("^int \\w+ = \\d+;$") + "&regex=true")))
                .containsExactly("r.java:1:int count = 42;", "r.java:3:int total = 7;");
        assertThat(hits(search("q=" + encodeQuery("count|name") + "&regex=true"))).hasSize(2);
        assertThat(hits(search("q=" + encodeQuery("STRING\\s+NAME") + "&regex=true"))).containsExactly("r.java:2:String name = \"x\";");
        assertThat(hits(search("q=" + encodeQuery("STRING\\s+NAME") + "&regex=true&caseSensitive=true"))).isEmpty();
    }

    @Test
    void findsUnicodeTextAndShortQueries() {
        put("u.txt", "Grüße aus Köln\nΣΊΣΥΦΟΣ\n日本語のテキスト\n");
        assertThat(hits(search("q=" + encodeQuery("GRÜSSE")))).isEmpty(); // ß is not SS to Java's case folding
        assertThat(hits(search("q=" + encodeQuery("grüße")))).containsExactly("u.txt:1:Grüße aus Köln");
        assertThat(hits(search("q=" + encodeQuery("σίσυφος")))).containsExactly("u.txt:2:ΣΊΣΥΦΟΣ");
        assertThat(hits(search("q=" + encodeQuery("テキ")))).containsExactly("u.txt:3:日本語のテキスト");
        assertThat(hits(search("q=k"))).containsExactly("u.txt:1:Grüße aus Köln");
    }

    @Test
    void reflectsWritesDeletesAndMovesImmediately() {
        put("x.txt", "needle one\n");
        assertThat(hits(search("q=needle"))).containsExactly("x.txt:1:needle one");
        put("x.txt", "hay only\n");
        assertThat(hits(search("q=needle"))).isEmpty();
        put("y.txt", "needle two\n");
        post("/move", java.util.Map.of("from", "y.txt", "to", "z/y.txt"));
        assertThat(hits(search("q=needle"))).containsExactly("z/y.txt:1:needle two");
        http.delete(files("z") + "?recursive=true").bearer(owner.accessToken()).send();
        assertThat(hits(search("q=needle"))).isEmpty();
    }

    @Test
    void skipsBinaryFilesAndStopsAtTheLimit() {
        byte[] binary = "needle\u0000needle".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        put("bin.dat", binary);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) many.append("needle ").append(i).append('\n');
        put("many.txt", many.toString());
        var response = search("q=needle&limit=10");
        assertThat(hits(response)).hasSize(10).allMatch(h -> h.startsWith("many.txt:"));
        assertThat(response.json().path("truncated").asBoolean()).isTrue();
        assertThat(search("q=needle&limit=100").json().path("truncated").asBoolean()).isFalse();
    }

    @Test
    void neverReturnsAnotherProjectsHitsEvenForWildcardRegexes() {
        Session other = users.register(uniqueEmail("search-other"));
        var theirs = createProject(other);
        http.put("/api/projects/" + theirs + "/files/secret.txt", "their password is hunter2").bearer(other.accessToken()).send();
        put("mine.txt", "my own line");
        assertThat(hits(search("q=" + encodeQuery(".*") + "&regex=true"))).containsExactly("mine.txt:1:my own line");
        assertThat(hits(search("q=hunter2"))).isEmpty();
        assertProblem(http.get("/api/projects/" + theirs + "/search?q=hunter2").bearer(owner.accessToken()).send(), 404, "project-not-found");
    }

    @Test
    void rejectsInvalidSearches() {
        assertProblem(search("q=" + encodeQuery("(unclosed") + "&regex=true"), 400, "invalid-search");
        assertProblem(search("q="), 400, "invalid-search");
        assertProblem(search("q=x&limit=0"), 400, "invalid-search");
        assertProblem(search("q=x&limit=100000"), 400, "invalid-search");
    }

    private static String encodeQuery(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}

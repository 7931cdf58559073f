package dev.vaporform.containers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;

import dev.vaporform.support.Http;
import dev.vaporform.support.RequiresDocker;
import dev.vaporform.support.Users.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces on a named bridge network, the only kind that can reach the server and so the only
 * kind that holds a credential, and the steps of someone trying to misuse that credential.
 */
@RequiresDocker
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vaporform.containers.network=" + WorkspaceTokenTestSupport.NETWORK)
abstract class WorkspaceTokenTestSupport extends WorkspaceTestSupport {

    static final String NETWORK = "vaporform-token-tests";
    static final String TOKEN_FILE = "/run/vaporform/token";

    @AfterEach
    void removeTheWorkspace() {
        if (projectId != null) removeWorkspace();
    }

    /** The network is created on demand by the first workspace; it is no use to anyone after these tests. */
    @AfterAll
    static void removeTheNetwork() throws IOException, InterruptedException {
        new ProcessBuilder("docker", "network", "rm", NETWORK).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** @return a new user added to the project with this role */
    protected Session member(String role) {
        Session member = users.register(uniqueEmail("ws-" + role));
        var added = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", member.email(), "role", role))
                .bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return member;
    }

    protected Http.Response execAs(Session who, String script) {
        var response = http.post("/api/projects/" + projectId + "/workspace/exec", Map.of("command", List.of("sh", "-c", script)))
                .bearer(who.accessToken()).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    /**
     * What someone with a shell in the workspace finds: every place a credential was ever put
     * (the token file, the old environment variable), the first {@code vfp_} secret among them.
     */
    protected String credentialFromInside(Session who) {
        String found = execAs(who, "cat " + TOKEN_FILE + " 2>/dev/null; echo; echo \"$VAPORFORM_TOKEN\"").text("stdout");
        return Arrays.stream(found.split("\n")).map(String::strip).filter(line -> line.startsWith("vfp_")).findFirst()
                .orElseThrow(() -> new AssertionError("no credential inside the workspace: " + found));
    }

    /** @return the token file's content as the workspace sees it now, empty when there is none */
    protected String tokenFile() {
        return execAs(owner, "cat " + TOKEN_FILE + " 2>/dev/null || true").text("stdout").strip();
    }

    /** @return the status a file route answers the credential with */
    protected int treeStatus(String credential) {
        return http.get("/api/projects/" + projectId + "/tree").bearer(credential).send().status();
    }

    protected String roleOf(Session member) {
        var list = http.get("/api/projects/" + projectId + "/collaborators").bearer(owner.accessToken()).send().json();
        for (var entry : list) {
            if (entry.path("userId").asString().equals(member.id().toString())) return entry.path("role").asString();
        }
        return null;
    }

    /** @return the workspace log as {@code reader} sees it, read until a line containing {@code marker} */
    protected String logUntil(Session reader, String marker) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects/" + projectId + "/workspace/logs"))
                .header("Authorization", "Bearer " + reader.accessToken()).GET().build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        StringBuilder seen = new StringBuilder();
        var reading = CompletableFuture.runAsync(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(response.body()))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    seen.append(line).append('\n');
                    if (line.contains(marker)) return;
                }
            } catch (IOException closed) {
                // the stream ended
            }
        });
        try {
            reading.get(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            response.body().close();
        }
        return seen.toString();
    }
}

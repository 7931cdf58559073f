package dev.vaporform.web;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The runnable server carries the browser IDE (the web module's static/**) and serves it at /. */
class IdeServedTests extends IntegrationTest {

    @Test
    void servesTheIdeAtTheRootWithoutAToken() {
        var page = http.get("/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"app\"></div>");

        var script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page.body());
        assertThat(script.find()).as("index.html names its script").isTrue();
        var asset = http.get(script.group(1)).send();
        assertThat(asset.status()).isEqualTo(200);
        assertThat(asset.header("Content-Type")).contains("javascript");
    }

    @Test
    void rejectsUnknownAssetsWithTheUsualProblemAndKeepsTheApiGuarded() {
        var missing = http.get("/assets/no-such-file.js").send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.get("/api/projects").send().status()).isEqualTo(401);
    }
}

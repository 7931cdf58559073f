package dev.vaporform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.vaporform.support.BrowserCondition;
import dev.vaporform.support.IntegrationTest;
import dev.vaporform.support.RequiresBrowser;
import dev.vaporform.support.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the browser tests: the real server on a fixed free port whose origin is the
 * installation's own (WebSocket upgrades check it), Debian's Chromium driven by Playwright
 * (never a downloaded browser), one browser context per user. Screenshots go to
 * {@code target/screenshots/}.
 */
@RequiresBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class BrowserTest extends IntegrationTest {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    static Browser browser;

    @DynamicPropertySource
    static void fixedPortAndOrigin(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("vaporform.public-url", () -> BASE);
    }

    @BeforeAll
    static void launchChromium() {
        if (browser != null) return;
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(BrowserCondition.CHROMIUM).setHeadless(true));
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    @AfterAll
    static void closeChromium() {
        if (playwright != null) playwright.close();
        playwright = null;
        browser = null;
    }

    private final java.util.List<BrowserContext> contexts = new java.util.ArrayList<>();

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /** A fresh browser profile (its own localStorage), like a second person at another computer. */
    protected Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(BASE).setViewportSize(width, height));
        context.setDefaultTimeout(20_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onPageError(error -> System.err.println("[browser page error] " + error));
        return page;
    }

    protected Page newPage() {
        return newPage(1280, 800);
    }

    /**
     * Opens the IDE signed in as {@code user}: their refresh token goes into this profile's
     * localStorage, as after a sign-in, and the page restores the session from it on load.
     */
    protected Page openProjectAs(Users.Session user, String projectId) {
        Page page = newPage();
        signInQuietly(page, user, "/#/p/" + projectId);
        expect(page.locator("#connection-state")).hasAttribute("data-state", "online");
        return page;
    }

    /** Signs in as after an earlier visit (a stored refresh token), then loads {@code route} afresh. */
    protected static void signInQuietly(Page page, Users.Session user, String route) {
        page.navigate("/");
        page.evaluate("t => localStorage.setItem('vaporform.refreshToken', t)", user.refreshToken());
        page.navigate("about:blank");
        page.navigate(route);
    }

    protected static void openFile(Page page, String path) {
        page.locator("button.tree-label[data-path='" + path + "']").click();
        expect(page.locator(".editor-host[data-path='" + path + "'] .cm-content")).isVisible();
    }

    protected static Locator editor(Page page, String path) {
        return page.locator(".editor-host[data-path='" + path + "'] .cm-content");
    }

    protected static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(false));
        assertThat(SCREENSHOTS.resolve(name + ".png")).exists();
    }

    /** A project owned by {@code owner}, with {@code files} written through the API. */
    protected String projectWithFiles(Users.Session owner, String name, Map<String, String> files) {
        var project = http.post("/api/projects", Map.of("name", name)).bearer(owner.accessToken()).send();
        assertThat(project.status()).as(project.toString()).isEqualTo(201);
        String id = project.text("id");
        files.forEach((path, text) -> {
            var put = http.put("/api/projects/" + id + "/files/" + path, text).bearer(owner.accessToken())
                    .contentType("application/octet-stream").send();
            assertThat(put.status()).as(put.toString()).isIn(200, 201);
        });
        return id;
    }

    protected void share(Users.Session owner, String projectId, String email, String role) {
        var added = http.post("/api/projects/" + projectId + "/collaborators", Map.of("email", email, "role", role))
                .bearer(owner.accessToken()).send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    /** Two collaborators, each in a browser of their own, with {@code path} open in the same project. */
    protected record TwoEditors(Users.Session first, Users.Session second, String projectId, Page a, Page b) {}

    /** The owner ({@code first}) made the project with {@code path} holding {@code text} and shared it with {@code second}. */
    protected TwoEditors twoEditorsOn(String firstName, String secondName, String projectName, String path, String text) {
        var first = users.register(uniqueEmail(firstName));
        var second = users.register(uniqueEmail(secondName));
        String projectId = projectWithFiles(first, projectName + " " + unique(), Map.of(path, text));
        share(first, projectId, second.email(), "collaborator");
        Page a = openProjectAs(first, projectId);
        Page b = openProjectAs(second, projectId);
        openFile(a, path);
        openFile(b, path);
        return new TwoEditors(first, second, projectId, a, b);
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

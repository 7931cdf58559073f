package dev.vaporform.support;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Base of tests against the real server: a random port, the embedded (real) PostgreSQL on a
 * random port, data in {@code target/test-home} wiped once per test JVM. All such tests share
 * one application context, so PostgreSQL starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    /** The installation's first user, registered before any other so it is the admin. */
    public static final String ADMIN_EMAIL = "first-admin@vaporform.test";
    private static final AtomicBoolean ADMIN_REGISTERED = new AtomicBoolean();

    static {
        TestHome.wipeOnce();
    }

    /** Every test server talks to the local stand-in for Anthropic's API (the one allowed fake: a paid external API). */
    @DynamicPropertySource
    static void aiProvider(DynamicPropertyRegistry registry) {
        registry.add("vaporform.ai.anthropic.base-url", () -> FakeAnthropic.get().baseUrl());
        registry.add("vaporform.ai.anthropic.api-key", () -> "sk-ant-test-key");
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> FakeCollector.get().tracesEndpoint());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private Environment environment;

    protected Http http;
    protected Users users;

    @BeforeEach
    void connect() {
        http = new Http(port);
        users = new Users(http);
        if (ADMIN_REGISTERED.compareAndSet(false, true)) users.register(ADMIN_EMAIL);
    }

    /**
     * The management server ({@code /actuator}: metrics, info, probes), on a port of its own that
     * the test framework picks at random like the main one. Looked up when asked for, so a test of
     * the public port runs even where no management port is set.
     */
    protected Http management() {
        return new Http(environment.getRequiredProperty("local.management.port", Integer.class));
    }

    /** @return an email no other test uses */
    protected static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@vaporform.test";
    }
}

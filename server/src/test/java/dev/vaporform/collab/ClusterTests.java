package dev.vaporform.collab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.ChildServer;
import dev.vaporform.support.Http;
import dev.vaporform.support.Users;

/**
 * Two nodes behave as one: a token or a ticket from one works on the other, a
 * deactivation or a removed membership on one is enforced by the other within two seconds,
 * login limits are counted across nodes; and when Redis goes away each node serves on alone,
 * with limits still on, and fan-out comes back by itself when Redis returns.
 */
class ClusterTests extends NodesTestSupport {

    @Test
    void tokensTicketsAndChangesHoldAcrossNodes() throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        ChildServer a = cluster.node("a", env);
        ChildServer b = cluster.node("b", env);
        Users.Session admin = new Users(a.http()).register("cluster-admin@vaporform.test");
        Users.Session user = new Users(a.http()).register("cluster-user@vaporform.test");
        String project = a.http().post("/api/projects", Map.of("name", "Cluster")).bearer(admin.accessToken()).send().text("id");
        a.http().post("/api/projects/" + project + "/collaborators", Map.of("email", user.email(), "role", "collaborator"))
                .bearer(admin.accessToken()).send();

        assertThat(b.http().get("/api/auth/me").bearer(user.accessToken()).send().status()).as("a token of node a on node b").isEqualTo(200);
        assertThat(b.http().get("/api/projects/" + project).bearer(user.accessToken()).send().status()).isEqualTo(200);
        String ticket = a.http().post("/api/realtime/tickets", null).bearer(user.accessToken()).send().text("ticket");
        EventsClient onB = EventsClient.connect(b.port(), ticket);
        cluster.closeLater(onB::close);
        onB.send(Map.of("type", "subscribe", "projectId", project));
        assertThat(onB.next(EventsClient.type("subscribed")).path("projectId").asString()).as("a ticket of node a on node b").isEqualTo(project);

        // node b has the membership and the user cached now; both changes are made on node a
        a.http().delete("/api/projects/" + project + "/collaborators/" + user.id()).bearer(admin.accessToken()).send();
        long removedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                b.http().get("/api/projects/" + project).bearer(user.accessToken()).send().status() == 404);
        assertThat(Duration.ofNanos(System.nanoTime() - removedAt)).isLessThan(Duration.ofSeconds(2));

        a.http().patch("/api/admin/users/" + user.id(), Map.of("active", false)).bearer(admin.accessToken()).send();
        long deactivatedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                b.http().get("/api/auth/me").bearer(user.accessToken()).send().status() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - deactivatedAt)).isLessThan(Duration.ofSeconds(2));

        // the account limit (10 failures) counts failures on both nodes together
        for (int i = 0; i < 5; i++) assertThat(wrongLogin(a.http(), admin.email()).status()).isEqualTo(401);
        for (int i = 0; i < 5; i++) assertThat(wrongLogin(b.http(), admin.email()).status()).isEqualTo(401);
        var limited = wrongLogin(b.http(), admin.email());
        assertThat(limited.status()).as("the eleventh failure, the sixth on node b").isEqualTo(429);
    }

    @Test
    void withoutRedisEachNodeServesAloneWithLimitsOnAndRecoversWhenItReturns() throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        ChildServer a = cluster.node("a", env);
        ChildServer b = cluster.node("b", env);
        Users.Session owner = new Users(a.http()).register("outage-owner@vaporform.test");
        String project = a.http().post("/api/projects", Map.of("name", "Outage")).bearer(owner.accessToken()).send().text("id");
        EventsClient watcher = subscribe(a, owner, project);
        EventsClient chatter = subscribe(b, owner, project);
        chatter.send(Map.of("type", "chat", "projectId", project, "text", "before"));
        assertThat(watcher.next(EventsClient.type("chat.message")).path("text").asString()).isEqualTo("before");

        cluster.stopRedis();

        long start = System.nanoTime();
        assertThat(a.http().get("/api/projects/" + project).bearer(owner.accessToken()).send().status()).isEqualTo(200);
        assertThat(b.http().get("/api/projects").bearer(owner.accessToken()).send().status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no waiting on a dead Redis").isLessThan(Duration.ofSeconds(3));
        var readiness = a.http().get("/actuator/health/readiness").send();
        assertThat(readiness.status()).as("still in the load balancer").isEqualTo(200);
        assertThat(readiness.json().path("components").path("redis").path("status").asString()).isEqualTo("DEGRADED");
        String localTicket = b.http().post("/api/realtime/tickets", null).bearer(owner.accessToken()).send().text("ticket");
        EventsClient duringOutage = EventsClient.connect(b.port(), localTicket);
        cluster.closeLater(duringOutage::close);
        duringOutage.send(Map.of("type", "subscribe", "projectId", project));
        duringOutage.next(EventsClient.type("subscribed"));
        for (int i = 0; i < 10; i++) assertThat(wrongLogin(a.http(), "outage-owner@vaporform.test").status()).isEqualTo(401);
        assertThat(wrongLogin(a.http(), "outage-owner@vaporform.test").status()).as("limits fall back to the node's own, never to none").isEqualTo(429);

        cluster.restartRedis();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            chatter.send(Map.of("type", "chat", "projectId", project, "text", "after"));
            assertThat(watcher.all(EventsClient.type("chat.message"))).as("fan-out across nodes is back")
                    .anySatisfy(m -> assertThat(m.path("text").asString()).isEqualTo("after"));
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                a.http().get("/actuator/health/readiness").send().json().path("components").path("redis").path("status").asString()).isEqualTo("UP"));
    }

    @Test
    void rejectsAttemptsWhoseAllowanceWasUsedUpBeforeRedisWentAway() throws Exception {
        ChildServer a = cluster.node("a", cluster.sharedEnvironment());
        Users.Session victim = new Users(a.http()).register("outage-victim@vaporform.test");
        for (int i = 0; i < 10; i++) assertThat(wrongLogin(a.http(), victim.email()).status()).isEqualTo(401);
        assertThat(wrongLogin(a.http(), victim.email()).status()).as("the limit, counted in Redis").isEqualTo(429);

        cluster.stopRedis();

        // A Redis that stops answering (or answers past its timeout under a flood) must not hand
        // the attacker a fresh allowance: the node's own buckets already hold what it took.
        var afterOutage = wrongLogin(a.http(), victim.email());
        assertThat(afterOutage.status()).as(afterOutage.toString()).isEqualTo(429);
    }

    /**
     * Parallel sign-ups on one key make Bucket4j's compare-and-swap in Redis retry against each
     * other; past the command timeout a node used to take the attempt as a Redis outage and hand
     * out its own allowance on top of the shared one.
     */
    @Test
    void aBurstOfSignUpsFromOneAddressOnBothNodesGetsTheLimitAndNoMore() throws Exception {
        Map<String, String> env = cluster.sharedEnvironment();
        String limit = "--vaporform.auth.register-address-attempts=5";
        List<ChildServer> nodes = List.of(cluster.node("a", env, limit), cluster.node("b", env, limit));
        int burst = 120;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < burst; i++) {
                Http http = nodes.get(i % 2).http();
                String email = "burst-" + i + "@vaporform.test";
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.post("/api/auth/register", Map.of("email", email, "password", Users.PASSWORD, "name", "Burst"))
                            .header("X-Forwarded-For", "203.0.113.77").send().status();
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) statuses.add(answer.get());
        assertThat(statuses).as("every attempt is answered with an account, a refusal or a busy node").allMatch(s -> s == 201 || s == 429 || s == 503);
        assertThat(statuses.stream().filter(s -> s != 429).count()).as("attempts let through, on both nodes together: " + statuses).isEqualTo(5);
    }

    private EventsClient subscribe(ChildServer node, Users.Session who, String project) {
        EventsClient client = EventsClient.connect(node.port(), node.http().post("/api/realtime/tickets", null).bearer(who.accessToken()).send().text("ticket"));
        cluster.closeLater(client::close);
        client.send(Map.of("type", "subscribe", "projectId", project));
        client.next(EventsClient.type("subscribed"));
        return client;
    }

    private static Http.Response wrongLogin(Http http, String email) {
        return http.post("/api/auth/login", Map.of("email", email, "password", "not-the-password-at-all")).send();
    }
}

package dev.vaporform.collab;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static dev.vaporform.collab.ShareDbClient.ack;
import static dev.vaporform.collab.ShareDbClient.action;
import static dev.vaporform.collab.ShareDbClient.error;
import static dev.vaporform.collab.ShareDbClient.presenceOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The ShareDB protocol at /ws/collab, spoken frame by frame. */
class CollabProtocolTests extends CollabTestSupport {

    @Test
    void handshakeAnnouncesJson0AndKeepsTheServersIdUnlessTheUserOwnsThePreviousOne() {
        createProject("Handshake");
        ShareDbClient first = connect(owner);
        JsonNode init = first.frames.getFirst();
        assertThat(init.path("type").asString()).isEqualTo("http://sharejs.org/types/JSONv0");
        assertThat(init.path("protocol").asInt()).isEqualTo(1);
        assertThat(init.path("protocolMinor").asInt()).isEqualTo(2);
        first.send(Map.of("a", "hs", "id", first.src, "protocol", 1, "protocolMinor", 2)); // a repeated hs is fine
        assertThat(first.all(action("hs"))).allMatch(f -> f.path("id").asString().equals(first.src));

        ShareDbClient again = connect(owner);
        again.frames.clear();
        again.send(Map.of("a", "hs", "id", first.src, "protocol", 1, "protocolMinor", 2));
        assertThat(again.next(action("hs")).path("id").asString()).as("the user's own previous id is honoured").isEqualTo(first.src);

        ShareDbClient stranger = connect(users.register(uniqueEmail("poser")));
        stranger.frames.clear();
        stranger.send(Map.of("a", "hs", "id", first.src, "protocol", 1, "protocolMinor", 2));
        assertThat(stranger.next(action("hs")).path("id").asString()).as("nobody poses as another client").isNotEqualTo(first.src);
    }

    @Test
    void createdDocumentIsTheFileAndAnotherClientSubscribesToIt() {
        createProject("Create");
        ShareDbClient a = connect(owner);
        a.send(create("notes/hello.txt", 1, "hello"));
        assertThat(a.next(ack(a.src, 1)).path("v").asLong()).isZero();
        awaitFile("notes/hello.txt", "hello");

        ShareDbClient b = connect(owner);
        b.send(subscribe("notes/hello.txt"));
        JsonNode snapshot = b.next(action("s")).path("data");
        assertThat(snapshot.path("v").asLong()).isEqualTo(1);
        assertThat(snapshot.path("data").asString()).isEqualTo("hello");
        assertThat(snapshot.path("type").asString()).isEqualTo(TEXT_UNICODE);
    }

    @Test
    void subscribingToAnExistingFileLoadsItAndAMissingOneHasNoType() {
        createProject("Load");
        http.put("/api/projects/" + projectId + "/files/src/Main.java", "class Main {}").bearer(owner.accessToken()).contentType("text/plain").send();
        ShareDbClient a = connect(owner);
        a.send(subscribe("src/Main.java"));
        assertThat(a.next(action("s")).path("data").path("data").asString()).isEqualTo("class Main {}");
        a.send(subscribe("src/Missing.java"));
        JsonNode missing = a.next(f -> "s".equals(f.path("a").asString()) && "src/Missing.java".equals(f.path("d").asString())).path("data");
        assertThat(missing.path("v").asLong()).isZero();
        assertThat(missing.get("type").isNull()).isTrue();
    }

    @Test
    void concurrentOpsConvergeWithMissingOpsSentBeforeTheAck() {
        createProject("Concurrent");
        ShareDbClient a = connect(owner);
        a.send(create("main.js", 1, "hello"));
        a.next(ack(a.src, 1));
        ShareDbClient b = connect(member("collaborator"));
        a.send(Map.of("a", "s", "c", projectId.toString(), "d", "main.js", "v", 1));
        b.send(subscribe("main.js"));
        b.next(action("s"));
        a.next(action("s"));

        a.send(op("main.js", 2, 1, List.of(5, " world")));
        a.next(ack(a.src, 2));
        b.send(op("main.js", 1, 1, List.of("😀")));
        JsonNode bAck = b.next(ack(b.src, 1));
        assertThat(bAck.path("v").asLong()).isEqualTo(2);
        int missedAt = b.frames.indexOf(b.next(f -> f.has("op") && a.src.equals(f.path("src").asString())));
        assertThat(missedAt).as("the missed op comes before the ack").isLessThan(b.frames.indexOf(bAck));
        JsonNode echoed = a.next(f -> f.has("op") && b.src.equals(f.path("src").asString()));
        assertThat(echoed.path("v").asLong()).isEqualTo(2);
        assertThat(echoed.path("op").toString()).isEqualTo("[\"😀\"]");
        awaitFile("main.js", "😀hello world");
        assertThat(storedVersion("main.js")).isEqualTo(3);
    }

    @Test
    void aResentOpIsAcknowledgedAndAppliedOnce() {
        createProject("Resend");
        ShareDbClient a = connect(owner);
        a.send(create("r.txt", 1, "abc"));
        a.next(ack(a.src, 1));
        a.send(op("r.txt", 2, 1, List.of(3, "d")));
        a.next(ack(a.src, 2));
        a.close();

        ShareDbClient again = ShareDbClient.connect(port, ticket(owner));
        again.send(Map.of("a", "hs", "id", a.src, "protocol", 1, "protocolMinor", 2));
        again.next(action("hs"));
        again.send(op("r.txt", 2, 1, List.of(3, "d")));
        assertThat(again.next(ack(a.src, 2)).path("v").asLong()).isEqualTo(1);
        assertThat(storedOps("r.txt")).isEqualTo(2);
        awaitFile("r.txt", "abcd");
    }

    @Test
    void rejectsAViewersOpWithAnErrorAndStoresNothing() {
        createProject("Viewer");
        ShareDbClient a = connect(owner);
        a.send(create("v.txt", 1, "read only"));
        a.next(ack(a.src, 1));
        a.send(subscribe("v.txt"));
        a.next(action("s"));
        ShareDbClient viewer = connect(member("viewer"));
        viewer.send(subscribe("v.txt"));
        viewer.next(action("s"));
        viewer.send(op("v.txt", 1, 1, List.of("x")));
        JsonNode refused = viewer.next(error("ERR_OP_SUBMIT_REJECTED"));
        assertThat(refused.path("error").path("message").asString()).contains("project-role-too-low");
        assertThat(storedVersion("v.txt")).isEqualTo(1);
        a.send(Map.of("a", "pp"));
        a.next(action("pp"));
        assertThat(a.all(f -> f.has("op"))).as("nothing broadcast").isEmpty();
    }

    @Test
    void removedCollaboratorsSocketClosesWithPolicyViolation() {
        createProject("Removal");
        var pair = member("collaborator");
        ShareDbClient theirs = connect(pair);
        theirs.send(create("shared.txt", 1, "x"));
        theirs.next(ack(theirs.src, 1));
        http.delete("/api/projects/" + projectId + "/collaborators/" + pair.id()).bearer(owner.accessToken()).send();
        assertThat(theirs.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1008);
    }

    @Test
    void rejectsSubscribingToAnotherProjectWithAnErrorAndPolicyClose() {
        createProject("Private");
        ShareDbClient stranger = connect(users.register(uniqueEmail("stranger")));
        stranger.send(subscribe("secret.txt"));
        JsonNode refused = stranger.next(error("ERR_SNAPSHOT_READS_REJECTED"));
        assertThat(refused.has("data")).isFalse();
        assertThat(stranger.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1008);
    }

    @Test
    void rejectsBadVersionsOpsAndNamesWithShareDbErrorCodes() {
        createProject("Errors");
        ShareDbClient a = connect(owner);
        a.send(create("e.txt", 1, "abc"));
        a.next(ack(a.src, 1));
        String c = projectId.toString();
        a.send(op("e.txt", 2, 5, List.of("x")));
        a.next(error("ERR_OP_VERSION_NEWER_THAN_CURRENT_SNAPSHOT"));
        a.send("{\"a\":\"op\",\"c\":\"" + c + "\",\"d\":\"e.txt\",\"seq\":3,\"v\":-1,\"op\":[\"x\"]}");
        a.send("{\"a\":\"op\",\"c\":\"" + c + "\",\"d\":\"e.txt\",\"seq\":4,\"v\":1.5,\"op\":[\"x\"]}");
        a.next(f -> f.path("seq").asInt() == 4 && f.has("error"));
        assertThat(a.all(error("ERR_MESSAGE_BADLY_FORMED"))).hasSize(2);
        a.send(op("e.txt", 5, 1, List.of(2, Map.of("d", 10))));
        a.next(error("ERR_OT_OP_NOT_APPLIED"));
        a.send(op("e.txt", 6, 1, List.of(1.5, "x")));
        a.next(error("ERR_OT_OP_BADLY_FORMED"));
        a.send(op("never-created.txt", 7, 0, List.of("x")));
        a.next(error("ERR_DOC_DOES_NOT_EXIST"));
        a.send(Map.of("a", "s", "c", c, "d", "__proto__"));
        a.send(Map.of("a", "s", "c", "constructor", "d", "x.txt"));
        a.send(Map.of("a", "s", "c", c, "d", "../etc/passwd"));
        a.send(Map.of("a", "nope"));
        a.send(Map.of("a", "pp"));
        a.next(action("pp"));
        assertThat(a.all(error("ERR_MESSAGE_BADLY_FORMED"))).hasSize(6);
        a.send(create("e.txt", 8, "again"));
        a.next(error("ERR_DOC_ALREADY_CREATED"));
        assertThat(storedVersion("e.txt")).isEqualTo(1);
    }

    @Test
    void rejectsFramesThatAreNotJsonObjectsAndClosesWith1007() {
        createProject("Malformed");
        ShareDbClient a = connect(owner);
        ShareDbClient other = connect(owner);
        a.send("{not json");
        assertThat(a.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1007);
        other.send(Map.of("a", "pp"));
        other.next(action("pp"));
    }

    @Test
    void rejectsFramesOverTheSizeLimitWith1009AndAcceptsALargePaste() {
        createProject("Size");
        ShareDbClient a = connect(owner);
        String paste = "x".repeat(200_000);
        a.send(create("big.txt", 1, paste));
        a.next(ack(a.src, 1));
        a.send(create("huge.txt", 2, "y".repeat(1_100_000)));
        assertThat(a.closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join()).isEqualTo(1009);
        awaitFile("big.txt", paste);
    }

    @Test
    void presenceIsTransformedToTheCurrentVersionAndClearedWhenTheClientLeaves() {
        createProject("Presence");
        ShareDbClient a = connect(owner);
        a.send(create("p.txt", 1, "hello"));
        a.next(ack(a.src, 1));
        ShareDbClient b = connect(owner);
        String ch = projectId + ".p.txt";
        b.send(Map.of("a", "ps", "ch", ch, "seq", 1));
        b.next(action("ps"));
        a.send(op("p.txt", 2, 1, List.of("> ")));
        a.next(ack(a.src, 2));
        a.send(Map.of("a", "p", "ch", ch, "id", owner.id() + ".cursor-1", "p", List.of(1, 3), "pv", 0, "c", projectId.toString(), "d", "p.txt",
                "v", 1, "t", TEXT_UNICODE));
        JsonNode seen = b.next(action("p"));
        assertThat(seen.path("p").toString()).isEqualTo("[3,5]");
        assertThat(seen.path("v").asLong()).isEqualTo(2);
        assertThat(seen.path("src").asString()).isEqualTo(a.src);
        a.close();
        JsonNode cleared = b.next(f -> "p".equals(f.path("a").asString()) && f.get("p") != null && f.get("p").isNull());
        assertThat(cleared.path("id").asString()).isEqualTo(owner.id() + ".cursor-1");
    }

    @Test
    void rejectsAPresenceUnderAnotherUsersIdSoNobodyShowsOrClearsACursorInTheirName() {
        createProject("Forged cursor");
        ShareDbClient a = connect(owner);
        a.send(create("f.txt", 1, "hello"));
        a.next(ack(a.src, 1));
        ShareDbClient watcher = presenceListener(owner, "f.txt");
        a.send(presence(owner.id() + ".cursor", "f.txt", List.of(0, 0), 0));
        watcher.next(presenceOf(owner.id() + ".cursor"));
        var mallory = member("collaborator");
        ShareDbClient forger = connect(mallory);

        forger.send(presence(owner.id() + ".mallory", "f.txt", List.of(1, 1), 0));
        forger.send(presence(owner.id() + ".cursor", "f.txt", null, 5));
        forger.send(presence("cursor", "f.txt", List.of(2, 2), 0));
        forger.send(presence(mallory.id() + ".cursor", "f.txt", List.of(3, 3), 0));

        JsonNode hers = watcher.next(presenceOf(mallory.id() + ".cursor"));
        assertThat(hers.path("src").asString()).isEqualTo(forger.src);
        assertThat(forger.all(error("ERR_PRESENCE_ID_NOT_OWNED"))).as("every id not of her own").hasSize(3);
        assertThat(watcher.all(action("p"))).as("only the owner's cursor and then hers").containsExactly(
                watcher.next(presenceOf(owner.id() + ".cursor")), hers);
    }

    @Test
    void aChangeMadeOutsideReachesSubscribersAsAnOpAndTypingSurvives() {
        createProject("Disk");
        ShareDbClient a = connect(owner);
        a.send(create("d.txt", 1, "one\ntwo\n"));
        a.next(ack(a.src, 1));
        a.send(Map.of("a", "s", "c", projectId.toString(), "d", "d.txt", "v", 1));
        a.next(action("s"));
        awaitFile("d.txt", "one\ntwo\n");
        var other = member("collaborator");
        http.put("/api/projects/" + projectId + "/files/d.txt", "one\ntwo\nthree\n").bearer(other.accessToken()).contentType("text/plain").send();
        JsonNode serverOp = a.next(f -> f.has("op") && !a.src.equals(f.path("src").asString()));
        assertThat(serverOp.path("op").toString()).isEqualTo("[8,\"three\\n\"]");
        a.send(op("d.txt", 2, 1, List.of("zero\n")));
        a.next(ack(a.src, 2));
        awaitFile("d.txt", "zero\none\ntwo\nthree\n");
    }
}

package dev.vaporform.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vaporform.support.Http;
import dev.vaporform.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up and sign-in: password policy, identical failures, and the login rate limits (cases 1–5). */
class PasswordAndLoginTests extends IntegrationTest {

    private Http.Response register(String email, String password) {
        return http.post("/api/auth/register", Map.of("email", email, "password", password, "name", "Someone")).send();
    }

    private Http.Response login(String email, String password, String clientAddress) {
        return http.post("/api/auth/login", Map.of("email", email, "password", password))
                .header("X-Forwarded-For", clientAddress).send();
    }

    @Test
    void rejectsPasswordShorterThanEightCharactersAsValidationError() {
        var response = register(uniqueEmail("short"), "Ab1!xyz");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("type")).isEqualTo("https://vaporform.dev/problems/validation");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
    }

    @Test
    void rejectsCommonPassword() {
        var response = register(uniqueEmail("common"), "password1");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("weak-password");
        assertThat(response.text("detail")).contains("too easy to guess");
    }

    @Test
    void rejectsPasswordLongerThan128Characters() {
        var response = register(uniqueEmail("long"), "x9$Kq".repeat(26));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("validation");
    }

    @Test
    void acceptsLongMultibytePasswordsAndNeverTruncatesThem() {
        String ascii64 = "Rk7#pW2q!Lz9@Xv4$Nc6^Bm1&Hj8*Gf3(Td5)Sa0-Qe7+Yu2=Io4[Pl6]Zx8{Cv1";
        String emoji128 = "🦊🌲🎻📐".repeat(32); // 128 code points, 512 UTF-8 bytes
        for (String password : List.of(ascii64, emoji128)) {
            String email = uniqueEmail("multibyte");
            assertThat(register(email, password).status()).isEqualTo(201);
            assertThat(login(email, password, "10.1.0.1").status()).isEqualTo(200);
            // bcrypt would have kept only the first 72 bytes: those alone must not work.
            String first72Bytes = new String(java.util.Arrays.copyOf(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), 72),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(login(email, first72Bytes, "10.1.0.1").status()).isEqualTo(401);
        }
    }

    @Test
    void unknownEmailAndWrongPasswordAnswerTheSameWayInComparableTime() {
        String email = uniqueEmail("known");
        users.register(email);
        String correlation = "same-correlation-id-for-both";
        var unknown = http.post("/api/auth/login", Map.of("email", uniqueEmail("nobody"), "password", "Whatever-it-is-123"))
                .header("X-Correlation-Id", correlation).header("X-Forwarded-For", "10.2.0.1").send();
        var wrong = http.post("/api/auth/login", Map.of("email", email, "password", "Whatever-it-is-123"))
                .header("X-Correlation-Id", correlation).header("X-Forwarded-For", "10.2.0.2").send();
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());

        // Both paths run one argon2 verification: neither is a fraction of the other. They are
        // measured in turns, so both see the same machine (a busy CI host drifts over seconds);
        // 1 + 7 failures stay under the account's limit of 10.
        List<Long> unknownNanos = new ArrayList<>();
        List<Long> wrongNanos = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            unknownNanos.add(loginNanos(uniqueEmail("nobody"), "10.2.1." + i));
            wrongNanos.add(loginNanos(email, "10.2.2." + i));
        }
        assertThat((double) median(unknownNanos) / median(wrongNanos)).isBetween(0.5, 2.0);
    }

    private long loginNanos(String email, String address) {
        long start = System.nanoTime();
        login(email, "Whatever-it-is-123", address);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> samples) {
        List<Long> sorted = samples.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void rateLimitsFailedLoginsPerAccountUntilTheWindowPasses() {
        String email = uniqueEmail("victim");
        users.register(email);
        for (int i = 0; i < 10; i++) {
            assertThat(login(email, "Not-the-password-" + i, "10.3.0." + i).status()).isEqualTo(401);
        }
        var limited = login(email, "Not-the-password-x", "10.3.1.1");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.text("code")).isEqualTo("rate-limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15 * 60L);
        // Even the right password is refused while limited, or guessing would go on.
        assertThat(login(email, dev.vaporform.support.Users.PASSWORD, "10.3.1.2").status()).isEqualTo(429);
        // Another account from another address is not affected.
        String other = uniqueEmail("bystander");
        users.register(other);
        assertThat(login(other, dev.vaporform.support.Users.PASSWORD, "10.3.2.1").status()).isEqualTo(200);
    }

    @Test
    void rateLimitsParallelFailedLoginsToExactlyTheAccountsAllowance() throws Exception {
        String email = uniqueEmail("parallel-victim");
        users.register(email);
        List<Http.Response> answers = AuthFloodTests.parallel(60, i -> login(email, "Not-the-password-" + i, "10.5.0." + i));

        assertThat(answers.stream().filter(a -> a.status() == 401).count()).as("guesses checked").isEqualTo(10);
        assertThat(answers.stream().filter(a -> a.status() == 429).count()).as("guesses refused").isEqualTo(50);
        answers.stream().filter(a -> a.status() == 429)
                .forEach(a -> assertThat(Long.parseLong(a.header("Retry-After"))).isBetween(1L, 15 * 60L));
        assertThat(login(email, dev.vaporform.support.Users.PASSWORD, "10.5.1.1").status()).isEqualTo(429);
    }

    @Test
    void successfulLoginsDoNotUseUpTheAllowanceForFailedOnes() {
        String email = uniqueEmail("regular");
        users.register(email);
        for (int i = 0; i < 9; i++) {
            assertThat(login(email, "Not-the-password-" + i, "10.6.0." + i).status()).isEqualTo(401);
        }
        for (int i = 0; i < 4; i++) { // each takes a token before its hash and gives it back
            assertThat(login(email, dev.vaporform.support.Users.PASSWORD, "10.6.1." + i).status()).isEqualTo(200);
        }
        assertThat(login(email, "Not-the-password-x", "10.6.2.1").status()).isEqualTo(401);
        assertThat(login(email, "Not-the-password-y", "10.6.2.2").status()).isEqualTo(429);
    }

    @Test
    void rateLimitsFailedLoginsPerClientAddressAcrossAccounts() {
        String address = "10.4.0.1";
        for (int i = 0; i < 20; i++) { // the test configuration allows 20 per address
            assertThat(login(uniqueEmail("spray"), "Not-the-password-1", address).status()).isEqualTo(401);
        }
        assertThat(login(uniqueEmail("spray"), "Not-the-password-1", address).status()).isEqualTo(429);
        String email = uniqueEmail("elsewhere");
        users.register(email);
        assertThat(login(email, dev.vaporform.support.Users.PASSWORD, "10.4.0.2").status()).isEqualTo(200);
    }

    @Test
    void rejectsDuplicateEmailRegardlessOfCase() {
        String email = uniqueEmail("dup");
        users.register(email);
        var again = register(email.toUpperCase(), dev.vaporform.support.Users.PASSWORD);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("email-taken");
    }

    @Test
    void rejectsRegistrationWithInvalidEmailOrMissingName() {
        var badEmail = http.post("/api/auth/register", Map.of("email", "not-an-email", "password", "Zq8!vLm2#Rt5", "name", "X")).send();
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
        var noName = http.post("/api/auth/register", Map.of("email", uniqueEmail("noname"), "password", "Zq8!vLm2#Rt5")).send();
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void firstUserOfTheInstallationIsAdminAndLaterOnesAreNot() {
        var admin = users.login(ADMIN_EMAIL, dev.vaporform.support.Users.PASSWORD);
        assertThat(http.get("/api/auth/me").bearer(admin.accessToken()).send().text("role")).isEqualTo("admin");
        var later = users.register(uniqueEmail("later"));
        assertThat(http.get("/api/auth/me").bearer(later.accessToken()).send().text("role")).isEqualTo("user");
    }
}

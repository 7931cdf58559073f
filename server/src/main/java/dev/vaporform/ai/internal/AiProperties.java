package dev.vaporform.ai.internal;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the AI module ({@code vaporform.ai.*}).
 *
 * @param provider           {@code auto} (Anthropic when its key is set, else the OpenAI-compatible
 *                           server when its base URL is set, else none), {@code anthropic},
 *                           {@code openai} or {@code none}
 * @param anthropic          Claude through Anthropic's Messages API
 * @param openai             an OpenAI-compatible chat completions server (Ollama, vLLM, llama.cpp)
 * @param maxOutputTokens    most tokens one answer may have
 * @param contextTokens      the budget of one request's context (prompt, history, file, snippets,
 *                           tree), estimated at four characters a token
 * @param maxPromptChars     the longest prompt a user may type
 * @param excludedFiles      globs of files never sent to a provider nor edited by it (matched,
 *                           ignoring case, against the path and the file name, and against
 *                           those of the file a link leads to or a hard link shares)
 * @param requestsPerMinute  generations per user per minute
 * @param dailyTokens        tokens (input + output) per user per UTC day
 * @param retry              retries of a call the provider refused for load (429, 529)
 * @param breaker            when to stop calling a failing provider
 * @param connectTimeout     to open a connection to the provider
 * @param firstTokenTimeout  from the request to the first token of the answer (also the longest
 *                           silence of the connection)
 * @param totalTimeout       of the whole answer
 * @param heartbeat          a comment on a quiet event stream, so a closed browser is noticed
 * @param applyWait          how long applying one file's edits may wait for it to be durable
 * @param snippetLines       lines of context around each search hit sent as a snippet
 */
@Validated
@ConfigurationProperties("vaporform.ai")
public record AiProperties(
        @DefaultValue("auto") String provider,
        @DefaultValue Anthropic anthropic,
        @DefaultValue OpenAi openai,
        @DefaultValue("4096") @Min(16) int maxOutputTokens,
        @DefaultValue("24000") @Min(256) int contextTokens,
        @DefaultValue("20000") @Min(16) int maxPromptChars,
        @DefaultValue({".env", ".env.*", "*.env", "*.pem", "*.key", "*.p12", "*.pfx", "*.jks", "*.keystore", "id_rsa*", "id_dsa*",
                "id_ecdsa*", "id_ed25519*", ".npmrc", ".pypirc", ".netrc", ".git-credentials", "*.tfstate", "*.tfvars",
                "secrets.*", "credentials*", ".ssh/**", ".aws/**", ".git/**"}) List<String> excludedFiles,
        @DefaultValue("10") @Min(1) int requestsPerMinute,
        @DefaultValue("1000000") @Min(1) long dailyTokens,
        @DefaultValue Retry retry,
        @DefaultValue Breaker breaker,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration firstTokenTimeout,
        @DefaultValue("5m") Duration totalTimeout,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("10s") Duration applyWait,
        @DefaultValue("3") @Min(0) int snippetLines) {

    /** @param apiKey defaults to {@code ANTHROPIC_API_KEY} */
    public record Anthropic(@DefaultValue("") String apiKey,
                            @DefaultValue("https://api.anthropic.com") String baseUrl,
                            @DefaultValue("claude-sonnet-4-5") String model) {}

    /** @param apiKey optional: local servers usually take none */
    public record OpenAi(@DefaultValue("") String baseUrl,
                         @DefaultValue("") String apiKey,
                         @DefaultValue("") String model) {}

    /**
     * @param maxAttempts    calls in all, the first included
     * @param initialBackoff the first wait; doubled each time, with ±50 % jitter
     * @param maxWait        the longest wait; a {@code retry-after} above it is not waited for
     */
    public record Retry(@DefaultValue("3") @Min(1) int maxAttempts,
                        @DefaultValue("1s") Duration initialBackoff,
                        @DefaultValue("20s") Duration maxWait) {}

    /**
     * @param window           calls the failure rate is computed over
     * @param minimumCalls     calls before the rate counts
     * @param failureRate      percent of failures that opens the breaker
     * @param openFor          how long it answers 503 before trying again
     */
    public record Breaker(@DefaultValue("10") @Min(1) int window,
                          @DefaultValue("4") @Min(1) int minimumCalls,
                          @DefaultValue("50") @Min(1) int failureRate,
                          @DefaultValue("30s") Duration openFor) {}
}

package dev.vaporform.ai.internal.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tokens used per call, per user and project; the daily budget is counted from these rows. */
@Repository
public class AiUsage {

    /** One call's record. {@code outcome}: {@code complete}, {@code error}, {@code cancelled}, {@code timeout}. */
    public record Call(UUID userId, UUID projectId, UUID sessionId, String provider, String model,
                       long inputTokens, long outputTokens, String outcome) {}

    /** Tokens a user used in the current UTC day. */
    public record Today(long inputTokens, long outputTokens) {
        public long total() { return inputTokens + outputTokens; }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    private final io.micrometer.core.instrument.MeterRegistry meters;

    AiUsage(JdbcClient jdbc, Clock clock, io.micrometer.core.instrument.MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.meters = meters;
    }

    /** Records the call, and counts its tokens in {@code vaporform_ai_tokens_total{direction, provider}}. */
    public void record(Call call) {
        meters.counter("vaporform.ai.tokens", "direction", "input", "provider", call.provider()).increment(call.inputTokens());
        meters.counter("vaporform.ai.tokens", "direction", "output", "provider", call.provider()).increment(call.outputTokens());
        jdbc.sql("""
                insert into ai_usage (user_id, project_id, session_id, provider, model, input_tokens, output_tokens, outcome, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(call.userId(), call.projectId(), call.sessionId(), call.provider(), call.model(),
                        call.inputTokens(), call.outputTokens(), call.outcome(), Timestamp.from(clock.instant()))
                .update();
    }

    public Today today(UUID userId) {
        var start = Timestamp.from(LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant());
        return jdbc.sql("select coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0) from ai_usage where user_id = ? and created_at >= ?")
                .params(userId, start)
                .query((rs, n) -> new Today(rs.getLong(1), rs.getLong(2))).single();
    }

}

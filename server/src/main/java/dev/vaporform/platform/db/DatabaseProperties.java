package dev.vaporform.platform.db;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where metadata lives. Without a URL the server runs PostgreSQL itself from embedded binaries.
 *
 * @param url               {@code DATABASE_URL}: a JDBC URL or a {@code postgres://user:pass@host:port/db} URL;
 *                          blank means embedded
 * @param username          {@code DATABASE_USERNAME}, when not part of the URL
 * @param password          {@code DATABASE_PASSWORD}, when not part of the URL
 * @param maxPoolSize       connections in the pool
 * @param connectionTimeout how long a request waits for a connection before failing with 503
 * @param embeddedBinaries  where the embedded PostgreSQL's binaries are unpacked (read by
 *                          {@link EmbeddedDatabaseStarter} before binding); blank means {@code <home>/pg/bin}
 */
@Validated
@ConfigurationProperties("vaporform.database")
record DatabaseProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String username,
        @DefaultValue("") String password,
        @DefaultValue("20") @Min(2) @Max(500) int maxPoolSize,
        @DefaultValue("5s") Duration connectionTimeout,
        @DefaultValue("") String embeddedBinaries) {

    boolean embedded() {
        return url.isBlank();
    }
}

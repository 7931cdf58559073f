package dev.vaporform.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import dev.vaporform.platform.PlatformProperties;

/**
 * The one connection pool: to {@code DATABASE_URL} when set, otherwise to the embedded
 * PostgreSQL this configuration starts (and stops with the application).
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(EmbeddedDatabaseCondition.class)
    EmbeddedDatabase embeddedDatabase(PlatformProperties platform, DatabaseProperties database) {
        try {
            return EmbeddedDatabaseStarter.start(platform.homeDirectory(), database.embeddedBinaries()).join().retain();
        } catch (java.util.concurrent.CompletionException e) {
            EmbeddedDatabaseStarter.closed(platform.homeDirectory());
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.embedded()) {
            config.setJdbcUrl(embedded.getObject().jdbcUrl());
            config.setUsername("postgres");
        } else {
            DatabaseUrl url = DatabaseUrl.parse(properties.url(), properties.username(), properties.password());
            config.setJdbcUrl(url.jdbcUrl());
            if (!url.username().isBlank()) config.setUsername(url.username());
            if (!url.password().isBlank()) config.setPassword(url.password());
        }
        config.setPoolName("vaporform");
        // A batch of inserts (the collaboration group commit stores hundreds of ops at once) goes
        // to PostgreSQL as multi-row inserts instead of one statement per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setMaximumPoolSize(properties.maxPoolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(properties.connectionTimeout().toMillis(), 3000));
        // Start even when the database is briefly unreachable; readiness reports it.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}

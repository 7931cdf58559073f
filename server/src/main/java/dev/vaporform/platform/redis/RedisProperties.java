package dev.vaporform.platform.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Redis is, for installations of several nodes.
 *
 * @param url {@code REDIS_URL}: {@code redis://[:password@]host:port[/db]} (or {@code rediss://});
 *            blank means no Redis: one node, in-process fan-out
 * @param keyPrefix prefix of the keys and channels the platform uses (caches, rate limits, tickets),
 *            so several installations can share a Redis
 */
@ConfigurationProperties("vaporform.redis")
public record RedisProperties(@DefaultValue("") String url, @DefaultValue("vaporform:") String keyPrefix) {}

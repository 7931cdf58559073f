package dev.vaporform.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits of the API layer.
 *
 * @param maxJsonBody largest JSON request body accepted on {@code /api} routes; routes that take
 *                    raw uploads (files, archives) apply their own, larger limits
 */
@ConfigurationProperties("vaporform.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxJsonBody) {}

package dev.vaporform.platform;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings.
 *
 * @param home           the data directory ({@code VAPORFORM_HOME}): embedded PostgreSQL, signing
 *                       key, project files; defaults to {@code ~/.vaporform}
 * @param publicUrl      the address users reach this installation at; used for links and as the
 *                       default allowed browser origin
 * @param allowedOrigins browser origins allowed to call the API and open WebSockets
 *                       ({@code VAPORFORM_ALLOWED_ORIGINS}); defaults to the public URL's origin
 */
@ConfigurationProperties("vaporform")
public record PlatformProperties(
        Path home,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue List<String> allowedOrigins) {

    /** @return the data directory as an absolute, normalised path */
    public Path homeDirectory() {
        return home.toAbsolutePath().normalize();
    }

    /** @return the explicit allowed origins, or the public URL's origin when none are set */
    public List<String> effectiveAllowedOrigins() {
        return allowedOrigins.isEmpty() ? List.of(publicUrl.replaceAll("/+$", "")) : allowedOrigins;
    }
}

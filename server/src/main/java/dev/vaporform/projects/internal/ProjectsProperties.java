package dev.vaporform.projects.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the projects module.
 *
 * @param invitationLifetime how long an invitation link stays usable
 * @param invitationsPerHour how many invitations one user may create per hour, across projects
 * @param updatedTimeResolution how far behind its files a project's updated time may be: it is
 *                              written at most this often per project, however busy it is
 */
@ConfigurationProperties("vaporform.projects")
public record ProjectsProperties(
        @DefaultValue("7d") Duration invitationLifetime,
        @DefaultValue("30") int invitationsPerHour,
        @DefaultValue("1m") Duration updatedTimeResolution) {}

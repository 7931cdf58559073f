/**
 * Owns projects, their members and roles, and the one access check every other module calls
 * ({@link dev.vaporform.projects.ProjectAccess}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Projects", allowedDependencies = {"platform", "auth"})
package dev.vaporform.projects;

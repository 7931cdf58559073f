/**
 * Shared infrastructure every module stands on: RFC 9457 errors, the security filter chain,
 * request ids and logging, rate limiting, paging, and the embedded PostgreSQL.
 * The root package is the API other modules may use; sub-packages are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.vaporform.platform;

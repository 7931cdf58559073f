/**
 * Owns users, password hashes, access JWTs, refresh-token families and API tokens, and decides
 * who a bearer token stands for.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Auth", allowedDependencies = "platform")
package dev.vaporform.auth;

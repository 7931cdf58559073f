package dev.vaporform.auth.internal;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the auth module ({@code vaporform.auth.*}).
 *
 * @param issuer               {@code iss} of access tokens; nodes of one installation share it
 * @param audience             {@code aud} of access tokens
 * @param accessTokenTtl       lifetime of an access JWT
 * @param refreshTokenTtl      lifetime of a refresh token (each rotation starts a new one)
 * @param refreshReuseGrace    a rotated refresh token presented again within this window is taken
 *                             for a concurrent duplicate (two tabs), answered 401 without revoking
 *                             the family; after it, reuse revokes the family
 * @param jwtSigningKey        the EC P-256 private JWK (JSON) that signs access tokens; blank means
 *                             generate one on first start and keep it in the data directory
 * @param passwordMinEntropy   passwords weaker than this many bits (nbvcxz estimate) are refused
 * @param loginAccountAttempts failed logins allowed per account per window
 * @param loginAddressAttempts failed logins allowed per client address per window
 * @param loginWindow          the window of both login limits
 * @param maxApiTokens         API tokens one user may hold
 * @param maxConcurrentHashes  password hashes (argon2, 19 MiB each) one node runs at a time;
 *                             0 means as many as there are cores, but no more than a quarter of
 *                             the maximum heap holds
 * @param hashWait             how long a request waits for a hash slot before it is answered 503
 * @param registerAddressAttempts registrations allowed per client address per register window
 * @param registerWindow       the window of the registration limit
 * @param passwordChangeAttempts password changes (right or wrong) allowed per account per window
 * @param passwordChangeWindow the window of the password-change limit
 */
@Validated
@ConfigurationProperties("vaporform.auth")
public record AuthProperties(
        @DefaultValue("vaporform") String issuer,
        @DefaultValue("vaporform-api") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("5s") Duration refreshReuseGrace,
        @DefaultValue("") String jwtSigningKey,
        @DefaultValue("30") @Min(0) @Max(200) double passwordMinEntropy,
        @DefaultValue("10") @Min(1) int loginAccountAttempts,
        @DefaultValue("50") @Min(1) int loginAddressAttempts,
        @DefaultValue("15m") Duration loginWindow,
        @DefaultValue("50") @Min(1) int maxApiTokens,
        @DefaultValue("0") @Min(0) int maxConcurrentHashes,
        @DefaultValue("2s") Duration hashWait,
        @DefaultValue("20") @Min(1) int registerAddressAttempts,
        @DefaultValue("1h") Duration registerWindow,
        @DefaultValue("5") @Min(1) int passwordChangeAttempts,
        @DefaultValue("15m") Duration passwordChangeWindow) {}

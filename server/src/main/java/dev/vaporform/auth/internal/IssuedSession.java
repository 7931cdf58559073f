package dev.vaporform.auth.internal;

/** Tokens handed to a client that signed in or refreshed. */
public record IssuedSession(User user, String accessToken, String refreshToken, long expiresIn) {}

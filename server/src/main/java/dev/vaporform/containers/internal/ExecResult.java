package dev.vaporform.containers.internal;

/**
 * What a command run in a workspace produced.
 *
 * @param exitCode   the process's exit code; 124 when it was killed for running past its timeout
 * @param truncated  whether stdout or stderr went past the configured limit and was cut
 * @param timedOut   whether the timeout killed it
 */
public record ExecResult(int exitCode, String stdout, String stderr, long durationMs, boolean truncated, boolean timedOut) {}

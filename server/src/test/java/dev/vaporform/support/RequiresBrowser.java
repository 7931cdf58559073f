package dev.vaporform.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that drive a real browser (Debian's Chromium, through Playwright). Under
 * {@code CI=true} a missing Chromium fails them; elsewhere they are skipped, and one loud line
 * at the end of the run says how many and why. Playwright never downloads a browser.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(BrowserCondition.class)
public @interface RequiresBrowser {}

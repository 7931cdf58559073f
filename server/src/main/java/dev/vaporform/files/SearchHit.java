package dev.vaporform.files;

/**
 * A line that matches.
 *
 * @param path    the file
 * @param line    1-based line number
 * @param preview the line's text, cut to a few hundred characters around the match
 */
public record SearchHit(String path, int line, String preview) {}

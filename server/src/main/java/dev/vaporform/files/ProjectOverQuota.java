package dev.vaporform.files;

import java.util.UUID;

/**
 * Changes made on disk, not through the API (a workspace writes to the project directory
 * directly), took the project over {@code max-project-size} or {@code max-files}. Published after
 * each such batch of changes while the project stays over; API writes that would add to it are
 * refused as usual.
 *
 * @param limit  the setting exceeded: {@code max-project-size} or {@code max-files}
 * @param usage  the bytes or files the project holds now
 * @param max    the setting's value
 */
public record ProjectOverQuota(UUID projectId, String limit, long usage, long max) {

    /** @return a sentence for people: what is over which limit */
    public String describe() {
        String unit = "max-files".equals(limit) ? " files" : " bytes";
        return "The project holds " + usage + unit + ", over its limit of " + max + unit + " (" + limit + ")";
    }
}

package dev.vaporform.files;

/** Where a change to a file came from. */
public enum FileOrigin {
    /** written through the files API (REST, archive import, or another module through {@link ProjectFiles}) */
    api,
    /** written on disk without the server: a workspace command, git, a build */
    disk
}

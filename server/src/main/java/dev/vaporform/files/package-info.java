/**
 * Owns each project's file tree on disk (the directory a workspace mounts at {@code /workspace}),
 * the versions of its files, its search index, archive import and export, and the watcher that
 * notices changes made inside the workspace. The root package is the API other modules use:
 * {@link dev.vaporform.files.ProjectFiles} and the events {@link dev.vaporform.files.FileChanged},
 * {@link dev.vaporform.files.FileDeleted} and {@link dev.vaporform.files.FileMoved}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files", allowedDependencies = {"platform", "projects"})
package dev.vaporform.files;

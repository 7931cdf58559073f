package dev.vaporform.ai.internal.edits;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;

import dev.vaporform.ai.internal.context.ProjectSecrets;
import dev.vaporform.ai.internal.context.SecretFiles;
import dev.vaporform.collab.LiveDocuments;
import dev.vaporform.collab.ProjectActivity;
import dev.vaporform.files.FileContent;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.FileVersion;
import dev.vaporform.files.ProjectFiles;
import dev.vaporform.files.ProjectPath;
import dev.vaporform.files.StaleFileVersion;
import dev.vaporform.platform.ProblemException;

/**
 * Checks a model's edits and applies them. The model is untrusted: every path goes through the
 * files module's validation (so nothing outside the project is named), secret files are refused,
 * and a file's edits apply all together or not at all. Applying goes through the collaboration
 * server when the file is a live document, so everyone editing it sees the change as an op;
 * otherwise it is a file write that records a version.
 */
public final class EditApplier {

    private final ProjectFiles files;
    private final LiveDocuments live;
    private final SecretFiles secrets;
    private final ApplicationEventPublisher events;
    private final Duration wait;

    public EditApplier(ProjectFiles files, LiveDocuments live, SecretFiles secrets, ApplicationEventPublisher events, Duration wait) {
        this.files = files;
        this.live = live;
        this.secrets = secrets;
        this.events = events;
        this.wait = wait;
    }

    /** Validates against the files as they are now, applying nothing. */
    public List<EditOutcome> review(UUID projectId, List<ProposedEdit> edits) {
        return perFile(projectId, edits, (path, group) -> {
            EditText.apply(currentText(projectId, path), group);
            return group.stream().map(e -> EditOutcome.proposed(path, e)).toList();
        });
    }

    /** Validates and applies, file by file; tells the project about every file changed. */
    public List<EditOutcome> apply(UUID projectId, UUID userId, UUID sessionId, List<ProposedEdit> edits) {
        return perFile(projectId, edits, (path, group) -> {
            List<EditOutcome> done = applyToFile(projectId, userId, path, group);
            events.publishEvent(ProjectActivity.aiEdit(projectId, userId, path, sessionId));
            return done;
        });
    }

    private interface FileStep {
        List<EditOutcome> run(String path, List<ProposedEdit> group);
    }

    private List<EditOutcome> perFile(UUID projectId, List<ProposedEdit> edits, FileStep step) {
        // Judged on disk, like the context: a link or hard link to a secret is the secret.
        ProjectSecrets onDisk = new ProjectSecrets(files, secrets, projectId);
        Map<String, List<ProposedEdit>> byPath = new LinkedHashMap<>();
        List<EditOutcome> out = new ArrayList<>();
        for (ProposedEdit edit : edits) {
            String path;
            try {
                path = ProjectPath.of(edit.path()).value();
            } catch (ProblemException invalid) {
                out.add(EditOutcome.rejected(edit.path(), edit, "The path is not a file in this project: " + invalid.getMessage()));
                continue;
            }
            if (onDisk.isSecret(path)) {
                out.add(EditOutcome.rejected(path, edit, "This file may hold secrets; the AI does not change it."));
                continue;
            }
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(edit);
        }
        byPath.forEach((path, group) -> {
            try {
                out.addAll(step.run(path, group));
            } catch (EditRejected | ProblemException refused) {
                for (ProposedEdit edit : group) out.add(EditOutcome.rejected(path, edit, refused.getMessage()));
            } catch (LiveDocuments.LiveEditFailed failed) {
                for (ProposedEdit edit : group) out.add(EditOutcome.rejected(path, edit, failed.getMessage() + " Nothing was changed."));
            }
        });
        return out;
    }

    private List<EditOutcome> applyToFile(UUID projectId, UUID userId, String path, List<ProposedEdit> group) {
        OptionalLong version = live.changeIfLive(projectId, path, userId, text -> EditText.apply(text, group), wait);
        if (version.isPresent()) return group.stream().map(e -> EditOutcome.applied(path, e, "live", version.getAsLong())).toList();
        for (int attempt = 0; ; attempt++) {
            FileContent file = read(projectId, path);
            String after = EditText.apply(file == null ? null : text(file), group);
            try {
                FileVersion written = files.write(projectId, path, after.getBytes(StandardCharsets.UTF_8), userId,
                        file == null ? null : file.version().version());
                return group.stream().map(e -> EditOutcome.applied(path, e, "file", written.version())).toList();
            } catch (StaleFileVersion changedMeanwhile) {
                if (attempt >= 2) throw new EditRejected("The file kept changing while the edit was applied; try again.");
            }
        }
    }

    private String currentText(UUID projectId, String path) {
        FileContent file = read(projectId, path);
        return file == null ? null : text(file);
    }

    private FileContent read(UUID projectId, String path) {
        try {
            return files.read(projectId, path);
        } catch (FileNotFound missing) {
            return null;
        }
    }

    private static String text(FileContent file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(file.bytes())).toString();
        } catch (CharacterCodingException binary) {
            throw new EditRejected("The file is not UTF-8 text; the AI does not change it.");
        }
    }
}

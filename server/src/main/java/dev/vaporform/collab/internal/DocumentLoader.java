package dev.vaporform.collab.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.vaporform.files.FileContent;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.ot.Document;
import dev.vaporform.ot.InvalidOpException;
import dev.vaporform.ot.Op;
import dev.vaporform.platform.ProblemException;

/**
 * Brings a document to life. A document is its file: a stored document is replayed from its
 * saved text and the ops after it, and if the file changed on disk while nobody had it open the
 * difference is committed as a server op; a file never opened before becomes a document created
 * at version 0 with the file's text. A file that is gone takes its stored document with it.
 */
final class DocumentLoader {

    /** @param fileTextVersion the document version whose text the file holds (below {@code version} when it lags) */
    record Loaded(Document doc, long version, List<CommittedOp> ops, long oldestStored, String fileText, long fileTextVersion) {}

    private final DocumentKey key;
    private final DocumentServices services;

    DocumentLoader(DocumentKey key, DocumentServices services) {
        this.key = key;
        this.services = services;
    }

    Loaded load() {
        try {
            return attempt();
        } catch (OpLog.CommitConflict | org.springframework.dao.DuplicateKeyException raced) {
            return attempt(); // another node loaded it at the same moment: take what it stored
        }
    }

    private Loaded attempt() {
        Optional<FileContent> file = readFile();
        Optional<OpLog.Stored> stored = services.opLog().load(key, Long.MAX_VALUE);
        if (stored.isPresent() && file.isEmpty()) {
            services.opLog().delete(key);
            stored = Optional.empty();
        }
        if (stored.isEmpty()) {
            if (file.isEmpty()) return new Loaded(null, 0, List.of(), 0, null, 0);
            return created(file.get());
        }
        return replayed(stored.get(), file.get());
    }

    private Loaded created(FileContent file) {
        String text = text(file);
        CommittedOp create = new CommittedOp(0, services.serverOps().src, services.serverOps().next(), null, text, null);
        services.opLog().append(List.of(new OpLog.Append(key, create)));
        return new Loaded(document(text), 1, List.of(create), 0, text, 1);
    }

    /**
     * Replays the stored ops. The file may lag the op log (a crash before write-back): when it
     * holds the text of some version we stored, it is ours and merely behind, so nothing is
     * merged and the write-back catches up. Only a text we never had is a change made outside.
     */
    private Loaded replayed(OpLog.Stored stored, FileContent file) {
        String onDisk = text(file);
        int diskLength = onDisk.codePointCount(0, onDisk.length());
        Document doc = document(stored.text());
        long diskMatch = doc.length() == diskLength && stored.text().equals(onDisk) ? stored.textVersion() : -1;
        List<CommittedOp> ops = new java.util.ArrayList<>(stored.ops());
        for (CommittedOp op : stored.ops()) {
            if (op.version() < stored.textVersion()) continue;
            doc = doc.apply(op.op());
            if (doc.length() == diskLength && doc.toString().equals(onDisk)) diskMatch = op.version() + 1;
        }
        long version = stored.version();
        if (diskMatch < 0) {
            Op change = TextDiff.between(doc.toString(), onDisk);
            CommittedOp op = new CommittedOp(version, services.serverOps().src, services.serverOps().next(), change, null, null);
            services.opLog().append(List.of(new OpLog.Append(key, op)));
            doc = doc.apply(change);
            ops.add(op);
            version++;
            diskMatch = version;
        }
        long oldest = services.opLog().oldest(key, version);
        return new Loaded(doc, version, ops, oldest, onDisk, diskMatch);
    }

    private Optional<FileContent> readFile() {
        try {
            return Optional.of(services.files().read(key.projectId(), key.path()));
        } catch (FileNotFound missing) {
            return Optional.empty();
        } catch (ProblemException refused) {
            throw new ShareDbError(ShareDbError.BADLY_FORMED, "The document id is not a usable file path: " + refused.getMessage());
        }
    }

    /** Only UTF-8 text can be a document: writing anything else back would corrupt the file. */
    static String text(FileContent file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file.bytes())).toString();
            if (text.indexOf('\0') >= 0) throw new CharacterCodingException();
            return text;
        } catch (CharacterCodingException binary) {
            throw new ShareDbError(ShareDbError.TYPE_NOT_RECOGNIZED, "The file is not UTF-8 text and cannot be edited live.");
        }
    }

    private static Document document(String text) {
        try {
            return Document.of(text);
        } catch (InvalidOpException e) {
            throw new ShareDbError(ShareDbError.TYPE_NOT_RECOGNIZED, e.getMessage());
        }
    }
}

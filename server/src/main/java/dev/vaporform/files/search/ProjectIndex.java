package dev.vaporform.files.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import dev.vaporform.files.storage.Hashes;
import dev.vaporform.files.storage.TreeWalk;
import dev.vaporform.files.storage.OpenDirectory;
import dev.vaporform.files.FileNotFound;
import dev.vaporform.files.PathConflict;
import dev.vaporform.files.UnsafeLink;

/**
 * One project's Lucene index: a document per regular file with its path, size, modification
 * time and content hash (to notice changes), and for text files the distinct case-folded
 * trigrams of the content (to find candidates). Callers hold the project's lock for changes;
 * {@link #candidates} may run concurrently with them.
 */
public final class ProjectIndex implements Closeable {

    static final String PATH = "path", SHA = "sha", SIZE = "size", MTIME = "mtime", KIND = "kind", GRAMS = "grams";
    private static final FieldType GRAMS_TYPE = gramsType();
    private static final Set<String> STATE_FIELDS = Set.of(PATH, SHA, SIZE, MTIME);
    /** Recorded with each commit; an index written in an older layout is emptied on open, and the sync refills it. */
    private static final String FORMAT_KEY = "vaporform.format", FORMAT = "2"; // 2: paths as doc values

    /** What the index knows of a file. */
    record State(String sha256, long size, long mtime) {}

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final long maxTextSize;
    private volatile boolean dirty;

    ProjectIndex(Path location, long maxTextSize) throws IOException {
        this.directory = FSDirectory.open(location);
        this.writer = new IndexWriter(directory, new IndexWriterConfig()
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(48));
        if (!FORMAT.equals(committedFormat(writer))) {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT).entrySet());
            dirty = true;
        }
        this.searchers = new SearcherManager(writer, null);
        this.maxTextSize = maxTextSize;
    }

    private static String committedFormat(IndexWriter writer) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) for (Map.Entry<String, String> entry : data) if (entry.getKey().equals(FORMAT_KEY)) return entry.getValue();
        return null;
    }

    /** Indexes content written through the API (already read and hashed). */
    public void put(String path, byte[] content, String sha256, BasicFileAttributes attrs) {
        String text = content.length <= maxTextSize ? IndexedText.decode(content) : null;
        update(path, sha256, attrs, text);
    }

    /** Forgets a file, or a directory and everything below it. */
    public void delete(String path) {
        try {
            writer.deleteDocuments(new TermQuery(new Term(PATH, path)), new PrefixQuery(new Term(PATH, path + "/")));
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Brings the index in line with the disk below {@code scope} ({@code ""} for the whole
     * project): files whose size or modification time differ are read and hashed again.
     *
     * @return the files whose content appeared, changed or went
     */
    public IndexChanges sync(OpenDirectory root, String scope) {
        Map<String, State> known = states(scope);
        IndexChanges changes = IndexChanges.collecting();
        if (scope.isEmpty()) {
            syncBelow(root, known, changes);
        } else {
            List<String> segments = List.of(scope.split("/"));
            String name = segments.getLast();
            try (OpenDirectory parent = root.descend(segments.subList(0, segments.size() - 1), false)) {
                var attributes = parent.attributes(name);
                if (attributes.isPresent() && attributes.get().isRegularFile()) {
                    syncFile(parent, name, scope, attributes.get(), known.remove(scope), changes);
                } else if (attributes.isPresent() && attributes.get().isDirectory()) {
                    try (OpenDirectory directory = parent.directory(name)) {
                        syncBelow(directory, known, changes);
                    }
                }
            } catch (FileNotFound | UnsafeLink | PathConflict nothingThereNow) {
                // what was known below the scope is gone, or now lies behind a link: removed below
            }
        }
        known.forEach((path, state) -> changes.removed().add(new IndexChanges.Entry(path, state.sha256())));
        known.keySet().forEach(path -> deleteExact(path));
        return changes;
    }

    private void syncBelow(OpenDirectory directory, Map<String, State> known, IndexChanges changes) {
        TreeWalk.walk(directory, (path, attrs, parent, name) -> {
            if (attrs.isRegularFile()) syncFile(parent, name, path, attrs, known.remove(path), changes);
        });
    }

    private void syncFile(OpenDirectory parent, String name, String path, BasicFileAttributes attrs, State known, IndexChanges changes) {
        if (known != null && known.size() == attrs.size() && known.mtime() == mtime(attrs)) return;
        byte[] content = attrs.size() <= maxTextSize ? readOrNull(parent, name, maxTextSize) : null;
        if (content != null && content.length > maxTextSize) content = null; // it grew meanwhile: indexed as too big
        String sha = content != null ? Hashes.of(content) : hashOrNull(parent, name);
        if (sha == null) return; // vanished or swapped meanwhile: the next event says so
        update(path, sha, attrs, content == null ? null : IndexedText.decode(content));
        if (known == null) changes.created().add(new IndexChanges.Entry(path, sha));
        else if (!known.sha256().equals(sha)) changes.changed().add(new IndexChanges.Entry(path, sha));
    }

    /** @return the paths of text files whose grams include all of {@code grams} (all text files for none), sorted */
    public List<String> candidates(Set<String> grams) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(new TermQuery(new Term(KIND, "text")), BooleanClause.Occur.FILTER);
        grams.stream().limit(64).forEach(g -> query.add(new TermQuery(new Term(GRAMS, g)), BooleanClause.Occur.FILTER));
        List<String> paths = new ArrayList<>();
        visitPaths(query.build(), paths::add);
        paths.sort(null);
        return paths;
    }

    /** @return how many files the index holds */
    public int size() {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes recent changes durable, if there are any. */
    public void commit() {
        if (!dirty) return;
        try {
            dirty = false;
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            commit();
        } finally {
            searchers.close();
            writer.close();
            directory.close();
        }
    }

    private Map<String, State> states(String scope) {
        Query query = scope.isEmpty() ? new TermQuery(new Term(KIND, "file"))
                : new BooleanQuery.Builder().add(new TermQuery(new Term(PATH, scope)), BooleanClause.Occur.SHOULD)
                        .add(new PrefixQuery(new Term(PATH, scope + "/")), BooleanClause.Occur.SHOULD).build();
        Map<String, State> states = new HashMap<>();
        visit(query, STATE_FIELDS, doc -> states.put(doc.get(PATH), new State(doc.get(SHA),
                doc.getField(SIZE).numericValue().longValue(), doc.getField(MTIME).numericValue().longValue())));
        return states;
    }

    private void update(String path, String sha, BasicFileAttributes attrs, String text) {
        Document doc = new Document();
        doc.add(new StringField(PATH, path, Field.Store.YES));
        doc.add(new BinaryDocValuesField(PATH, new BytesRef(path))); // read per candidate: far cheaper than stored fields
        doc.add(new StoredField(SHA, sha));
        doc.add(new StoredField(SIZE, attrs.size()));
        doc.add(new StoredField(MTIME, mtime(attrs)));
        doc.add(new StringField(KIND, "file", Field.Store.NO));
        if (text != null) {
            doc.add(new StringField(KIND, "text", Field.Store.NO));
            doc.add(new Field(GRAMS, new GramTokens(Trigrams.of(text)), GRAMS_TYPE));
        }
        try {
            writer.updateDocument(new Term(PATH, path), doc);
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteExact(String path) {
        try {
            writer.deleteDocuments(new Term(PATH, path));
            dirty = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what a visitor needs of one index segment, then is called for each live matching document in it. */
    private interface LeafVisitor {
        DocVisitor open(LeafReader leaf) throws IOException;
    }

    private interface DocVisitor {
        void visit(int doc) throws IOException;
    }

    private void visit(Query query, Set<String> fields, java.util.function.Consumer<Document> consumer) {
        visit(query, leaf -> {
            StoredFields stored = leaf.storedFields();
            return doc -> consumer.accept(stored.document(doc, fields));
        });
    }

    /** Paths come from doc values; a document indexed before they existed falls back to its stored field. */
    private void visitPaths(Query query, java.util.function.Consumer<String> consumer) {
        visit(query, leaf -> {
            BinaryDocValues values = leaf.getBinaryDocValues(PATH);
            StoredFields stored = leaf.storedFields();
            return doc -> consumer.accept(values != null && values.advanceExact(doc)
                    ? values.binaryValue().utf8ToString() : stored.document(doc, Set.of(PATH)).get(PATH));
        });
    }

    private void visit(Query query, LeafVisitor visitor) {
        try {
            searchers.maybeRefreshBlocking(); // read-your-writes: a search sees every change made before it
            IndexSearcher searcher = searchers.acquire();
            try {
                Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) visitLeaf(weight, leaf, visitor);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void visitLeaf(Weight weight, LeafReaderContext leaf, LeafVisitor visitor) throws IOException {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) return;
        Bits live = leaf.reader().getLiveDocs();
        DocVisitor docVisitor = visitor.open(leaf.reader());
        DocIdSetIterator docs = scorer.iterator();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            if (live == null || live.get(doc)) docVisitor.visit(doc);
        }
    }

    static long mtime(BasicFileAttributes attrs) {
        var instant = attrs.lastModifiedTime().toInstant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private static byte[] readOrNull(OpenDirectory parent, String name, long limit) {
        try {
            return parent.read(name, limit);
        } catch (FileNotFound | UnsafeLink | PathConflict goneOrSwapped) {
            return null;
        }
    }

    private static String hashOrNull(OpenDirectory parent, String name) {
        try (var in = parent.openRead(name)) {
            return Hashes.of(in);
        } catch (FileNotFound | UnsafeLink | PathConflict goneOrSwapped) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType gramsType() {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.setStored(false);
        type.freeze();
        return type;
    }
}

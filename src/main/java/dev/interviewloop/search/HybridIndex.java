package dev.interviewloop.search;

import dev.interviewloop.knowledge.Note;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FloatVectorSimilarityQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

/**
 * One Lucene index with two rankings over the same chunks: BM25 over the analysed text and
 * approximate nearest neighbours (HNSW) over unit embeddings above a similarity floor, fused by Lucene's
 * reciprocal rank fusion ({@link TopDocs#rrf}). One
 * {@link IndexWriter} for the index's life; readers come from a {@link SearcherManager} and are
 * always released. Queries are built in code from analysed terms, so any user text is safe.
 */
public final class HybridIndex implements Closeable {

    /** Queries longer than this are cut before analysis and embedding. */
    public static final int MAX_QUERY_CHARS = 4_000;
    /** At most this many distinct terms make up a BM25 query. */
    public static final int MAX_QUERY_TERMS = 256;

    private static final String ID = "id";
    private static final String DOC = "doc";
    private static final String KIND = "kind";
    private static final String VECTOR = "vector";
    private static final String HASH_KEY = "content-hash";

    private final Directory directory;
    private final Embedder embedder;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final int rrfK;
    private final double minSimilarity;

    /**
     * @param rrfK the k of reciprocal rank fusion
     * @param minSimilarity the cosine a chunk needs for vector search to vote for it; without a floor,
     *                      every chunk of a small index gets a vector vote and a one-word BM25 match wins
     */
    public HybridIndex(Directory directory, Embedder embedder, int rrfK, double minSimilarity) {
        this.directory = directory;
        this.embedder = embedder;
        this.rrfK = rrfK;
        this.minSimilarity = minSimilarity;
        try {
            IndexWriterConfig config = new IndexWriterConfig(TextAnalysis.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /** The content hash recorded with the last commit, if any. */
    public Optional<String> storedHash() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, String> e : data) {
            if (HASH_KEY.equals(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** Replaces the whole index with these chunks and records the content hash. */
    public void rebuild(List<Chunk> chunks, String contentHash) {
        try {
            writer.deleteAll();
            addAll(chunks, false);
            writer.setLiveCommitData(Map.of(HASH_KEY, contentHash).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the search index", e);
        }
    }

    /** Adds or replaces chunks by id, and makes them searchable. */
    public void upsert(List<Chunk> chunks) {
        try {
            addAll(chunks, true);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the search index", e);
        }
    }

    private void addAll(List<Chunk> chunks, boolean replace) throws IOException {
        int batch = 64;
        for (int from = 0; from < chunks.size(); from += batch) {
            List<Chunk> part = chunks.subList(from, Math.min(chunks.size(), from + batch));
            List<float[]> vectors = embedder.embedPassages(part.stream().map(Chunk::searchableText).toList());
            for (int i = 0; i < part.size(); i++) {
                Document doc = toDocument(part.get(i), vectors.get(i));
                if (replace) {
                    writer.updateDocument(new Term(ID, part.get(i).id()), doc);
                } else {
                    writer.addDocument(doc);
                }
            }
        }
    }

    private static Document toDocument(Chunk c, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(ID, c.id(), Field.Store.YES));
        doc.add(new StringField(DOC, c.doc(), Field.Store.YES));
        doc.add(new StringField(KIND, c.kind().name(), Field.Store.YES));
        doc.add(new StoredField("docTitle", c.docTitle()));
        doc.add(new StoredField("section", c.section()));
        doc.add(new StoredField("path", c.path()));
        doc.add(new StoredField("file", c.file()));
        doc.add(new StoredField("line", c.line()));
        doc.add(new StoredField("body", c.text()));
        doc.add(new TextField(TextAnalysis.FIELD, c.searchableText(), Field.Store.NO));
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        return doc;
    }

    private static Chunk toChunk(Document d) {
        return new Chunk(d.get(ID), d.get(DOC), d.get("docTitle"), Note.Kind.valueOf(d.get(KIND)), d.get("section"),
                d.get("path"), d.get("body"), d.get("file"), d.getField("line").numericValue().intValue());
    }

    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restricts a search to some kinds of document and/or to some chunk ids; empty sets mean no restriction. */
    public record Filter(Set<Note.Kind> kinds, Set<String> chunkIds) {
        public static final Filter NONE = new Filter(Set.of(), Set.of());

        public static Filter kinds(Note.Kind... kinds) {
            return new Filter(Set.of(kinds), Set.of());
        }

        public static Filter chunks(Collection<String> ids) {
            return new Filter(Set.of(), Set.copyOf(ids));
        }

        Query toQuery() {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            boolean any = false;
            if (!kinds.isEmpty()) {
                b.add(new TermInSetQuery(KIND, kinds.stream().map(k -> new BytesRef(k.name())).toList()), Occur.FILTER);
                any = true;
            }
            if (!chunkIds.isEmpty()) {
                b.add(new TermInSetQuery(ID, chunkIds.stream().map(BytesRef::new).toList()), Occur.FILTER);
                any = true;
            }
            return any ? b.build() : null;
        }
    }

    /** The k best chunks for the query under reciprocal rank fusion of BM25 and vector rankings. */
    public List<Passage> search(String query, int k, int candidates, Filter filter) {
        String text = query.length() > MAX_QUERY_CHARS ? query.substring(0, MAX_QUERY_CHARS) : query;
        float[] vector = embedder.embedQuery(text);
        return search(text, vector, k, candidates, filter);
    }

    /** As {@link #search(String, int, int, Filter)} with the query's embedding already computed. */
    public List<Passage> search(String text, float[] queryVector, int k, int candidates, Filter filter) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query restriction = filter.toQuery();
                TopDocs lexical = lexical(searcher, text, candidates, restriction);
                TopDocs semantic = searcher.search(semanticQuery(queryVector, restriction), candidates);
                int voted = lexical.scoreDocs.length + semantic.scoreDocs.length;
                if (voted == 0) {
                    return List.of();
                }
                TopDocs fused = TopDocs.rrf(voted, rrfK, new TopDocs[] {lexical, semantic});
                Map<Integer, Integer> lexicalRanks = ranks(lexical);
                Map<Integer, Integer> vectorRanks = ranks(semantic);
                Map<Integer, Float> similarities = similarities(searcher.getIndexReader(), queryVector, fused.scoreDocs);
                List<Passage> all = new ArrayList<>(fused.scoreDocs.length);
                for (ScoreDoc hit : fused.scoreDocs) {
                    all.add(new Passage(toChunk(searcher.storedFields().document(hit.doc)), hit.score,
                            lexicalRanks.getOrDefault(hit.doc, 0), vectorRanks.getOrDefault(hit.doc, 0), similarities.get(hit.doc)));
                }
                // Equal fused scores (one vote each) are settled by meaning.
                all.sort(Comparator.comparingDouble(Passage::score).thenComparingDouble(Passage::similarity).reversed());
                return List.copyOf(all.subList(0, Math.min(k, all.size())));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private static TopDocs lexical(IndexSearcher searcher, String text, int n, Query restriction) throws IOException {
        Set<String> terms = new LinkedHashSet<>(TextAnalysis.terms(text));
        if (terms.isEmpty()) {
            return new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        terms.stream().limit(MAX_QUERY_TERMS).forEach(t -> q.add(new TermQuery(new Term(TextAnalysis.FIELD, t)), Occur.SHOULD));
        Query query = q.build();
        if (restriction != null) {
            query = new BooleanQuery.Builder().add(query, Occur.MUST).add(restriction, Occur.FILTER).build();
        }
        return searcher.search(query, n);
    }

    /**
     * The chunks whose cosine with the query reaches the floor, best first. Lucene scores a unit-vector dot product
     * as {@code (1 + cosine) / 2}, so the floor is given to the query on that scale.
     */
    private Query semanticQuery(float[] vector, Query restriction) {
        float floor = (float) ((1 + minSimilarity) / 2);
        return new FloatVectorSimilarityQuery.Explicit(VECTOR, vector, floor, floor, restriction);
    }

    private static Map<Integer, Integer> ranks(TopDocs hits) {
        Map<Integer, Integer> ranks = new HashMap<>();
        for (int i = 0; i < hits.scoreDocs.length; i++) {
            ranks.put(hits.scoreDocs[i].doc, i + 1);
        }
        return ranks;
    }

    /** The cosine of the query and each hit's indexed vector, read back from the vector field. */
    private static Map<Integer, Float> similarities(IndexReader reader, float[] query, ScoreDoc[] hits) throws IOException {
        int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
        Map<Integer, Float> out = new HashMap<>();
        List<LeafReaderContext> leaves = reader.leaves();
        int next = 0;
        for (LeafReaderContext leaf : leaves) {
            int end = leaf.docBase + leaf.reader().maxDoc();
            if (next >= docs.length || docs[next] >= end) {
                continue;
            }
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
            KnnVectorValues.DocIndexIterator at = vectors.iterator();
            for (; next < docs.length && docs[next] < end; next++) {
                int doc = docs[next];
                at.advance(doc - leaf.docBase);
                out.put(doc, VectorUtil.dotProduct(query, vectors.vectorValue(at.index())));
            }
        }
        return out;
    }

    /** Every chunk matching the predicate, in index order (for tests and diagnostics). */
    public List<Chunk> chunks(Predicate<Chunk> predicate) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                DirectoryReader reader = (DirectoryReader) s.getIndexReader();
                List<Chunk> out = new ArrayList<>();
                var stored = reader.storedFields();
                var liveDocs = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
                for (int i = 0; i < reader.maxDoc(); i++) {
                    if (liveDocs != null && !liveDocs.get(i)) {
                        continue;
                    }
                    Chunk c = toChunk(stored.document(i));
                    if (predicate.test(c)) {
                        out.add(c);
                    }
                }
                return out;
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try (directory; writer; searchers) {
            // closed in reverse order: searchers, writer, directory
        }
    }
}

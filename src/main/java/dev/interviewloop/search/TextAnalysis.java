package dev.interviewloop.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The one analyzer used for indexing, querying and the grader's lexical signals: Lucene's
 * English analyzer (standard tokenizer, possessive and lower-case filters, English stop words,
 * Porter stemming). Thread-safe.
 */
public final class TextAnalysis {

    public static final String FIELD = "text";

    private static final Analyzer ANALYZER = new EnglishAnalyzer();

    private TextAnalysis() {
    }

    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The analysed terms of {@code text}, in order: what BM25 matches on. */
    public static List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}

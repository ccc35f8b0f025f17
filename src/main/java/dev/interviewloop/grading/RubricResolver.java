package dev.interviewloop.grading;

import dev.interviewloop.knowledge.KeyPoint;
import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.Note;
import dev.interviewloop.knowledge.NoteRef;
import dev.interviewloop.knowledge.Question;
import dev.interviewloop.knowledge.Section;
import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.HybridIndex;
import dev.interviewloop.search.Passage;
import dev.interviewloop.search.SearchService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds what a request is graded against: the bank question's rubric; for free question text, the
 * bank question it matches by meaning, else points drawn from the passages retrieved for it; for a
 * request with a reference answer, the reference split into points.
 */
public final class RubricResolver implements Function<GradingRequest, Rubric> {

    /** The cosine between free question text and a bank question's prompt from which they are the same question. */
    public static final double MATCH_THRESHOLD = 0.72;
    /** A retrieved passage needs this cosine to the question to be graded against. */
    static final double PASSAGE_FLOOR = 0.3;
    /** At most this many sentences of retrieved passages become points. */
    static final int RETRIEVED_POINTS = 5;
    static final int SNIPPET = 300;

    private final KnowledgeBase knowledge;
    private final SearchService search;
    private final Embedder embedder;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private final Map<String, Rubric> bankRubrics = new ConcurrentHashMap<>();

    public RubricResolver(KnowledgeBase knowledge, SearchService search, Embedder embedder) {
        this.knowledge = knowledge;
        this.search = search;
        this.embedder = embedder;
    }

    @Override
    public Rubric apply(GradingRequest request) {
        if (request.question() != null) {
            return bank(request.question());
        }
        String text = request.questionText() == null ? "" : request.questionText().strip();
        if (request.reference() != null && !request.reference().isBlank()) {
            return reference(text, request.reference());
        }
        Optional<Question> matched = match(text);
        if (matched.isPresent()) {
            Rubric r = bank(matched.get());
            return new Rubric("matched", r.questionId(), r.questionText(), r.points(), r.misconceptions(), r.modelAnswer(), r.citations(),
                    List.of(), "Graded against the bank question \"" + matched.get().title() + "\", which this question matches.");
        }
        return retrieved(text);
    }

    /** A bank question's own rubric, with citations to the note sections it names. Cached per question. */
    public Rubric bank(Question q) {
        return bankRubrics.computeIfAbsent(q.id(), id -> new Rubric("bank", q.id(), q.prompt(), q.keyPoints(),
                q.misconceptions(), q.modelAnswer(), citations(q), List.of(), ""));
    }

    /** The bank question that free text asks, if one is close enough in meaning. */
    public Optional<Question> match(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        float[] v = embed(text);
        Question best = null;
        double bestSim = 0;
        for (Question q : knowledge.questions().values()) {
            double sim = Math.max(Embedder.dot(v, embed(q.prompt())), Embedder.dot(v, embed(q.title())));
            if (sim > bestSim) {
                bestSim = sim;
                best = q;
            }
        }
        return bestSim >= MATCH_THRESHOLD ? Optional.of(best) : Optional.empty();
    }

    /** Points from the sentences of the passages retrieved for the question that are closest to it. */
    Rubric retrieved(String text) {
        List<Passage> passages = text.isBlank() ? List.of()
                : search.search(text, 4, HybridIndex.Filter.kinds(Note.Kind.NOTE, Note.Kind.USER)).stream()
                        .filter(p -> p.similarity() >= PASSAGE_FLOOR).toList();
        if (passages.isEmpty()) {
            return new Rubric("retrieved", null, text, List.of(), List.of(), "", List.of(), List.of(),
                    "No bank question matches this question and no reference passage is close to it, so there was nothing "
                            + "to grade against.");
        }
        float[] q = embed(text);
        record Candidate(String sentence, double sim) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Passage p : passages) {
            for (Span s : Segmenter.sentences(plain(p.chunk().text()))) {
                if (Segmenter.words(s.text()) >= 4) {
                    candidates.add(new Candidate(s.text(), Embedder.dot(q, embed(s.text()))));
                }
            }
        }
        List<KeyPoint> points = new ArrayList<>();
        candidates.stream().sorted(Comparator.comparingDouble(c -> -c.sim())).limit(RETRIEVED_POINTS)
                .forEach(c -> points.add(new KeyPoint("passage-" + (points.size() + 1), c.sentence(), 1, List.of())));
        List<Citation> citations = passages.stream().map(p -> new Citation(p.chunk().doc(), p.chunk().docTitle(),
                p.chunk().section(), p.chunk().file(), p.chunk().line(), p.snippet(SNIPPET))).toList();
        String outline = String.join("\n", points.stream().map(k -> "- " + k.text()).toList());
        return new Rubric("retrieved", null, text, points, List.of(), outline, citations, List.of(),
                "No bank question matches this question; it was graded against " + points.size()
                        + " statements from the retrieved reference passages, a rougher basis than a rubric.");
    }

    /** The reference answer split into points: one per sentence, long sentences cut into clauses. */
    public Rubric reference(String questionText, String reference) {
        List<KeyPoint> points = new ArrayList<>();
        for (String p : splitReference(reference)) {
            points.add(new KeyPoint("ref-" + (points.size() + 1), p, 1, List.of()));
        }
        String outline = String.join("\n", points.stream().map(k -> "- " + k.text()).toList());
        Citation given = new Citation("request", "Reference answer given with the request", "", "", 0, cut(plain(reference)));
        return new Rubric("reference", null, questionText, points, List.of(), outline, List.of(given), List.of(),
                "Graded against the reference answer given with the request, split into " + points.size()
                        + (points.size() == 1 ? " point." : " points."));
    }

    static List<String> splitReference(String reference) {
        List<String> out = new ArrayList<>();
        String text = plain(reference);
        for (Span s : Segmenter.sentences(text)) {
            List<Span> clauses = Segmenter.words(s.text()) > 25 ? Segmenter.clauses(text, s) : List.of();
            if (clauses.isEmpty()) {
                out.add(s.text());
            } else {
                clauses.forEach(c -> out.add(c.text()));
            }
        }
        if (out.isEmpty() && !text.isBlank()) {
            out.add(text.strip());
        }
        return out;
    }

    private List<Citation> citations(Question q) {
        List<Citation> out = new ArrayList<>();
        String keyText = String.join(" ", q.keyPoints().stream().map(KeyPoint::text).toList());
        float[] points = embed(keyText);
        for (NoteRef ref : q.references()) {
            Optional<Section> section = knowledge.resolve(ref);
            Note note = knowledge.notes().get(ref.note());
            if (section.isEmpty() || note == null) {
                continue;
            }
            out.add(new Citation(note.id(), note.title(), section.get().heading(), note.file(), section.get().line(),
                    snippet(section.get().text(), points)));
        }
        return out;
    }

    /** The section's sentences closest to the rubric, in their own order, up to the snippet length. */
    private String snippet(String text, float[] rubric) {
        String plain = plain(text);
        List<Span> sentences = Segmenter.sentences(plain);
        if (plain.length() <= SNIPPET || sentences.size() <= 1) {
            return cut(plain);
        }
        List<Span> ranked = sentences.stream()
                .sorted(Comparator.comparingDouble((Span s) -> -Embedder.dot(rubric, embed(s.text())))).toList();
        List<Span> chosen = new ArrayList<>();
        int length = 0;
        for (Span s : ranked) {
            if (length + s.length() > SNIPPET && !chosen.isEmpty()) {
                break;
            }
            chosen.add(s);
            length += s.length() + 1;
        }
        chosen.sort(Comparator.comparingInt(Span::start));
        return cut(String.join(" … ", chosen.stream().map(Span::text).toList()));
    }

    private static String cut(String s) {
        if (s.length() <= SNIPPET) {
            return s;
        }
        int i = s.lastIndexOf(' ', SNIPPET);
        return s.substring(0, i > SNIPPET / 2 ? i : SNIPPET) + "…";
    }

    /** Markdown emphasis and list markers removed, white space folded. */
    static String plain(String markdown) {
        return markdown.replaceAll("\\*\\*|__|`", "").replaceAll("(?m)^\\s*[-*+]\\s+", "").replaceAll("[ \\t]+", " ").strip();
    }

    private float[] embed(String text) {
        return vectors.computeIfAbsent(text, t -> embedder.embedPassages(List.of(t)).get(0));
    }
}

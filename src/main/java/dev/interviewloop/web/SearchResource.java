package dev.interviewloop.web;

import dev.interviewloop.search.Passage;
import dev.interviewloop.search.SearchService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Free-text search over the reference notes, the write-ups and the user's documents. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_K = 50;

    /** One ranked passage as the API shows it. */
    public record Hit(String doc, String docTitle, String section, String path, String file, int line, String kind,
                      String snippet, double score) {
        static Hit of(Passage p) {
            var c = p.chunk();
            return new Hit(c.doc(), c.docTitle(), c.section(), c.path(), c.file(), c.line(), c.kind().name().toLowerCase(),
                    p.snippet(300), p.score());
        }
    }

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @ClientLimited
    public List<Hit> search(@QueryParam("q") String q, @QueryParam("k") String k) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "give the search text in the 'q' parameter, for example /api/search?q=why+divide+by+sqrt+d_k");
        }
        Fields.limited("q", q, Fields.MAX_SEARCH);
        return search.search(q, parseK(k)).stream().map(Hit::of).toList();
    }

    static int parseK(String k) {
        if (k == null || k.isBlank()) {
            return 5;
        }
        try {
            int value = Integer.parseInt(k.strip());
            if (value >= 1 && value <= MAX_K) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("k", "'k' is the number of passages to return: a whole number from 1 to " + MAX_K
                + ", not '" + k + "'");
    }
}

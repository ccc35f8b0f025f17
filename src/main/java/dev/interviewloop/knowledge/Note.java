package dev.interviewloop.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * A Markdown document split at its headings: a reference note ({@code knowledge/notes}), a retold
 * write-up ({@code knowledge/sources}) or a user document.
 */
public record Note(String id, String title, Kind kind, String file, List<Section> sections) {

    public enum Kind { NOTE, SOURCE, USER }

    public Note {
        sections = Lists.copy(sections);
    }

    public Optional<Section> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }
}

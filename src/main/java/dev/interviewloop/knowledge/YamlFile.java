package dev.interviewloop.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file's positions, to point a problem found after mapping to records at the line it comes from. The lines are
 * the YAML parser's own token locations, one per node, keyed by the node's JSON Pointer ({@code /questions/3/keyPoints/0/weight}):
 * a key's line for a field, the first line of a mapping or list item.
 */
record YamlFile(String path, Map<String, Integer> lines) {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** The positions of every node of the text; a text that does not parse keeps those read before the error. */
    static YamlFile of(String path, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            while (parser.nextToken() != null) {
                lines.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(),
                        parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException e) {
            // the mapping reports the syntax error with its own location
        }
        return new YamlFile(path, Map.copyOf(lines));
    }

    /** The 1-based line of the node at this pointer, or of its nearest ancestor that is in the file. */
    int line(String pointer) {
        for (JsonPointer at = JsonPointer.compile(pointer); at != null; at = at.head()) {
            Integer line = lines.get(at.toString());
            if (line != null) {
                return line;
            }
        }
        return 1;
    }

    /** The line of the node a mapping error points at (an unknown field: the field's own line). */
    int line(JsonMappingException e) {
        return line(pointer(e.getPath()));
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            out.append('/');
            if (ref.getFieldName() != null) {
                out.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                out.append(ref.getIndex());
            }
        }
        return out.toString();
    }
}

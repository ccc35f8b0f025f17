package dev.interviewloop.coding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares what a case returned with what it should, on the service's side (expected values never enter the sandbox).
 * Numbers match within {@code |got - expected| <= tolerance * (1 + |expected|)}, so an integer result may come back as
 * a float; lists match element by element; a non-finite float ({@code {"$float": "nan"}}) or an object the sandbox
 * could only describe ({@code {"$repr": ...}}) matches nothing but itself.
 */
final class Results {

    private Results() {
    }

    static boolean matches(JsonNode expected, JsonNode got, double tolerance) {
        if (expected == null || got == null) {
            return expected == got;
        }
        if (expected.isNumber()) {
            return got.isNumber() && Math.abs(got.asDouble() - expected.asDouble()) <= tolerance * (1 + Math.abs(expected.asDouble()));
        }
        if (expected.isArray()) {
            if (!got.isArray() || got.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!matches(expected.get(i), got.get(i), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject()) {
            if (!got.isObject() || got.size() != expected.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!matches(e.getValue(), got.get(e.getKey()), tolerance)) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(got);
    }

    /** A value as the candidate reads it: JSON, with the sandbox's stand-ins for what JSON cannot hold written out. */
    static String show(JsonNode value) {
        if (value == null) {
            return "None";
        }
        if (value.isObject() && value.size() == 1 && (value.has("$float") || value.has("$repr"))) {
            return value.elements().next().asText();
        }
        String text = value.isTextual() ? value.toString() : showPython(value);
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }

    private static String showPython(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? "True" : "False";
        }
        if (value.isNull()) {
            return "None";
        }
        if (value.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < value.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(show(value.get(i)));
                if (b.length() > 320) {
                    break;
                }
            }
            return b.append("]").toString();
        }
        return value.toString();
    }
}

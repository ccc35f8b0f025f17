package dev.interviewloop.knowledge;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Null-tolerant immutable copies, so a field left out of a YAML file reads as empty, not as null. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Map.copyOf(map);
    }
}

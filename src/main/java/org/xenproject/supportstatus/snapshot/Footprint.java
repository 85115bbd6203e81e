package org.xenproject.supportstatus.snapshot;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * What the values a snapshot keeps weigh on the heap, estimated as a 64-bit JVM with compressed
 * references lays them out: a 12-byte header, 4 bytes a reference, objects rounded up to 8 bytes.
 * Close enough to hold a budget; {@code bench/memory/run.sh} measures the real heap.
 */
final class Footprint {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return null;
            }
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true); // records of other packages too
            }
            return components;
        }
    };

    private Footprint() {}

    /** The object alone: its header and fields, or its characters for a String. */
    static long shallow(Object value) {
        if (value instanceof String text) {
            // The String and its byte array; a character outside Latin-1 takes two bytes.
            boolean latin1 = text.chars().allMatch(c -> c < 0x100);
            return 24 + align(16 + (long) text.length() * (latin1 ? 1 : 2));
        }
        if (value instanceof Collection<?> collection) {
            return 16 + align(16 + 4L * collection.size());
        }
        if (value instanceof Map<?, ?> map) {
            return 48 + 32L * map.size() + align(16 + 4L * Integer.highestOneBit(Math.max(1, map.size()) * 2));
        }
        if (value instanceof Enum<?>) {
            return 0; // one instance for the whole JVM
        }
        RecordComponent[] components = COMPONENTS.get(value.getClass());
        if (components == null) {
            return 24; // a boxed number, a date, an instant
        }
        long size = 12;
        for (RecordComponent component : components) {
            Class<?> type = component.getType();
            size += type == long.class || type == double.class ? 8 : 4;
        }
        return align(size);
    }

    /**
     * The object and everything it reaches, each counted once. Documents are not counted here: a
     * snapshot keeps them apart and counts their parts as it shares them ({@link Sharing}).
     */
    static long deep(Object root) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> next = new ArrayDeque<>();
        next.push(root);
        long size = 0;
        while (!next.isEmpty()) {
            Object value = next.pop();
            if (value instanceof SupportDocument || value instanceof Enum<?> || !seen.add(value)) {
                continue;
            }
            size += shallow(value);
            if (value instanceof Collection<?> collection) {
                collection.forEach(item -> push(next, item));
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> {
                    push(next, key);
                    push(next, item);
                });
            } else if (!(value instanceof String || value instanceof Instant || value instanceof LocalDate)) {
                RecordComponent[] components = COMPONENTS.get(value.getClass());
                if (components != null) {
                    for (RecordComponent component : components) {
                        if (!component.getType().isPrimitive()) {
                            push(next, read(component, value));
                        }
                    }
                }
            }
        }
        return size;
    }

    private static void push(Deque<Object> next, Object value) {
        if (value != null) {
            next.push(value);
        }
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component + " of " + record.getClass(), e);
        }
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}

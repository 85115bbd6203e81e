package org.xenproject.supportstatus.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.xenproject.supportstatus.supportmd.Arch;
import org.xenproject.supportstatus.supportmd.FeatureStatus;
import org.xenproject.supportstatus.supportmd.ParseWarning;
import org.xenproject.supportstatus.supportmd.ReleaseSupport;
import org.xenproject.supportstatus.supportmd.Section;
import org.xenproject.supportstatus.supportmd.SupportDocument;

/**
 * The parts documents have in common, held once. One revision of SUPPORT.md differs little from
 * the next: the same strings, statuses and whole sections recur in every one of them. A document
 * kept by a snapshot is made of the one instance of each equal part, so the whole history costs
 * little more than its distinct parts (docs/architecture.md, "The snapshot").
 *
 * <p>It counts what it holds ({@link #bytes()}), each part once, with its own entry, and it grows
 * only while the snapshot's budget allows; past it, a document is made of the parts already held
 * and of its own, and is not kept. It is carried from one snapshot to the next, as the documents
 * are: its parts are parts of stored files, which never change.
 */
final class Sharing {

    /** A table entry: the node and the slot of a concurrent hash map. */
    private static final long ENTRY_BYTES = 40;

    private final Map<Object, Object> parts = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** The bytes of every part held. */
    long bytes() {
        return bytes.get();
    }

    /**
     * {@code document} made of the parts held, and of new ones, which are held from now on when
     * {@code grow}; otherwise the parts not held yet stay the document's own.
     */
    SupportDocument share(SupportDocument document, boolean grow) {
        Session session = new Session(grow);
        List<Section> sections = session.sections(document.sections());
        List<FeatureStatus> statuses =
                session.list(document.statuses().stream().map(session::status).toList());
        List<ParseWarning> warnings = session.list(document.warnings().stream()
                .map(w -> session.part(new ParseWarning(w.line(), session.text(w.message()))))
                .toList());
        return new SupportDocument(session.release(document.release()), sections, statuses, warnings);
    }

    /** One document's sharing: whether it may add parts. */
    private final class Session {

        private final boolean grow;

        Session(boolean grow) {
            this.grow = grow;
        }

        @SuppressWarnings("unchecked")
        <T> T part(T value) {
            if (value == null) {
                return null;
            }
            Object held = parts.get(value);
            if (held != null) {
                return (T) held;
            }
            if (!grow) {
                return value;
            }
            held = parts.putIfAbsent(value, value);
            if (held != null) {
                return (T) held;
            }
            bytes.addAndGet(Footprint.shallow(value) + ENTRY_BYTES);
            return value;
        }

        String text(String value) {
            return part(value);
        }

        <T> List<T> list(List<T> items) {
            return part(List.copyOf(items));
        }

        List<String> texts(List<String> values) {
            return list(values.stream().map(this::text).toList());
        }

        FeatureStatus status(FeatureStatus s) {
            return part(new FeatureStatus(
                    text(s.key()),
                    text(s.sectionKey()),
                    text(s.qualifier()),
                    text(s.text()),
                    s.level(),
                    s.security(),
                    text(s.limit()),
                    arches(s.arches()),
                    s.line()));
        }

        List<Arch> arches(List<Arch> arches) {
            return list(arches);
        }

        List<Section> sections(List<Section> sections) {
            List<Section> shared = new ArrayList<>(sections.size());
            for (Section s : sections) {
                shared.add(part(new Section(
                        text(s.key()),
                        text(s.title()),
                        s.level(),
                        texts(s.path()),
                        texts(s.description()),
                        texts(s.caveats()),
                        list(s.statuses().stream().map(this::status).toList()),
                        sections(s.children()),
                        s.line())));
            }
            return list(shared);
        }

        ReleaseSupport release(ReleaseSupport r) {
            if (r == null) {
                return null;
            }
            Map<String, String> raw = new LinkedHashMap<>();
            r.raw().forEach((key, value) -> raw.put(text(key), text(value)));
            return part(new ReleaseSupport(
                    text(r.xenVersion()),
                    r.initialRelease(),
                    r.supportedUntil(),
                    r.securitySupportUntil(),
                    text(r.releaseNotes()),
                    raw));
        }
    }
}

package org.xenproject.supportstatus.web.param;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.xenproject.supportstatus.release.LifecycleState;
import org.xenproject.supportstatus.release.ReleaseVersion;
import org.xenproject.supportstatus.release.RevisionPoint;
import org.xenproject.supportstatus.snapshot.FeatureFilter.ArchName;
import org.xenproject.supportstatus.supportmd.SecuritySupport;
import org.xenproject.supportstatus.supportmd.SupportLevel;

/**
 * How query parameters and path variables become the service's own types: each value read strictly,
 * by Spring's conversion, so a controller only ever sees a valid one. A value that does not convert
 * is a 400 naming its parameter (written by {@code web.problem}), with the converter's words as its detail.
 * An empty value is no value, as a form without JavaScript submits it.
 *
 * <p>A list parameter whose order means nothing is a {@code Set}: for a {@code List} parameter Spring
 * works out the element type on every request, to see whether it takes uploaded files.
 */
@Configuration(proxyBeanMethods = false)
public class Parameters implements WebMvcConfigurer {

    /** For a list parameter given with no value, which would otherwise quietly mean "any". */
    public static final String NOTHING_NAMED = "names nothing: leave the parameter out to mean any";

    /** For an empty item in a list ({@code a,,b}), which Spring would read as no value. */
    public static final String EMPTY_ITEM = "holds an empty item";

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(
                String.class,
                ReleaseVersion.class,
                text -> blank(text)
                        ? null
                        : ReleaseVersion.parse(text)
                                .orElseThrow(() -> new IllegalArgumentException("'" + printable(text)
                                        + "' is not a release: use 4.17, 4.17.3, stable-4.17, unstable or master")));
        registry.addConverter(
                String.class, RevisionPoint.class, text -> blank(text) ? null : RevisionPoint.parse(text));
        registry.addConverter(String.class, FeatureKey.class, text -> blank(text) ? null : new FeatureKey(text));
        registry.addConverter(String.class, AdvisoryId.class, text -> blank(text) ? null : AdvisoryId.parse(text));
        registry.addConverter(String.class, Cve.class, text -> blank(text) ? null : new Cve(text));
        registry.addConverter(String.class, SearchText.class, text -> blank(text) ? null : new SearchText(text));
        registry.addConverter(String.class, Truth.class, text -> switch (text) {
            case "" -> null;
            case "true" -> Truth.TRUE;
            case "false" -> Truth.FALSE;
            default -> throw new IllegalArgumentException("'" + printable(text) + "' is neither true nor false");
        });
        registry.addConverter(String.class, LifecycleState.class, byId(LifecycleState.values(), LifecycleState::id));
        registry.addConverter(String.class, SupportLevel.class, byId(SupportLevel.values(), SupportLevel::id));
        registry.addConverter(String.class, SecuritySupport.class, byId(SecuritySupport.values(), SecuritySupport::id));
        registry.addConverter(String.class, ArchName.class, byId(ArchName.values(), ArchName::id));
    }

    /** A name from a fixed vocabulary; anything else names the vocabulary. */
    public static <T> Converter<String, T> byId(T[] values, Function<T, String> id) {
        List<String> ids = Arrays.stream(values).map(id).toList();
        return text -> {
            for (T value : values) {
                if (id.apply(value).equals(text.trim())) {
                    return value;
                }
            }
            throw new IllegalArgumentException("'" + printable(text) + "' is not one of " + String.join(", ", ids));
        };
    }

    private static boolean blank(String text) {
        return text.isBlank();
    }

    /** A value as it may be echoed in an error: shortened, control characters shown as '?'. */
    public static String printable(String value) {
        return printable(value, 60);
    }

    public static String printable(String value, int length) {
        String shown = value.length() > length ? value.substring(0, length) + "…" : value;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }
}

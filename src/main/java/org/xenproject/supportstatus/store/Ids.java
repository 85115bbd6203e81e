package org.xenproject.supportstatus.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** The import enums as the database and the API spell them: lower case ({@code succeeded}, {@code admin}). */
public final class Ids {

    private Ids() {}

    public static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String id) {
        return id == null ? null : Enum.valueOf(type, id.toUpperCase(Locale.ROOT));
    }

    abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : id(value);
        }

        @Override
        public E convertToEntityAttribute(String id) {
            return parse(type, id);
        }
    }

    @Converter
    static final class TriggerColumn extends Column<ImportRun.Trigger> {
        TriggerColumn() {
            super(ImportRun.Trigger.class);
        }
    }

    @Converter
    static final class OutcomeColumn extends Column<ImportRun.Outcome> {
        OutcomeColumn() {
            super(ImportRun.Outcome.class);
        }
    }

    @Converter
    static final class BranchOutcomeColumn extends Column<BranchResult.Outcome> {
        BranchOutcomeColumn() {
            super(BranchResult.Outcome.class);
        }
    }
}

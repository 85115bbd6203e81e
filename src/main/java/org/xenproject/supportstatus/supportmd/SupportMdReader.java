package org.xenproject.supportstatus.supportmd;

/**
 * Reads SUPPORT.md as Xen's own tooling (pandoc + docs/parse-support-md) does, and more:
 * it never gives up on a real file, it records each irregularity as a {@link ParseWarning}.
 * Thread-safe; one instance can serve every caller.
 */
public final class SupportMdReader {

    /** The default size limit, as for the import . */
    public static final int DEFAULT_MAX_BYTES = 1024 * 1024;

    private final int maxBytes;

    public SupportMdReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public SupportMdReader(int maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * Bytes to lines ({@link SourceText}), lines to blocks as pandoc sees them ({@link PandocMarkdown}),
     * blocks to sections and statuses ({@link DocumentAssembler}).
     *
     * @throws SupportMdRejected when the bytes are empty (none, or nothing but a byte order mark and
     *                           white space), larger than {@link #maxBytes()},
     *                           binary (a NUL byte), or not UTF-8
     */
    public SupportDocument read(byte[] content) throws SupportMdRejected {
        SourceText source = SourceText.decode(content, maxBytes);
        WarningLog log = new WarningLog();
        log.addAll(source.warnings());
        PandocMarkdown.Parsed parsed = PandocMarkdown.parse(source.lines(), log);
        return new DocumentAssembler(parsed.lines(), source.lines(), log).assemble(parsed.document());
    }
}

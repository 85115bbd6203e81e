package org.xenproject.supportstatus.supportmd;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;

/**
 * What a heading says: its title for people, the text pandoc makes its identifier from, and an
 * identifier given explicitly with pandoc's {@code {#id}} attribute syntax, if any.
 * (Closing hashes, {@code ### qemu-xen-traditional ###}, are already gone: CommonMark drops them as pandoc does.)
 */
record HeadingText(String title, String identifierSource, String explicitId) {

    private static final Pattern ATTRIBUTES = Pattern.compile("\\s*\\{([^{}]*)\\}\\s*$");
    private static final Pattern ATTRIBUTE = Pattern.compile("#[^\\s#.{}]+|\\.[^\\s#.{}]+|[\\w-]+=\\S*|-");

    static HeadingText of(Heading heading) {
        String title = PlainText.inline(heading);
        String source = PlainText.pandocStringify(heading);
        Matcher attributes = ATTRIBUTES.matcher(title);
        if (title.endsWith("}") && attributes.find() && isAttributeList(attributes.group(1))) {
            String explicitId = null;
            for (String token : attributes.group(1).trim().split("\\s+")) {
                if (token.startsWith("#")) {
                    explicitId = token.substring(1);
                }
            }
            title = title.substring(0, attributes.start()).strip();
            Matcher inSource = ATTRIBUTES.matcher(source);
            if (inSource.find()) {
                source = source.substring(0, inSource.start());
            }
            return new HeadingText(title, source, explicitId);
        }
        return new HeadingText(title, source, null);
    }

    private static boolean isAttributeList(String inside) {
        String trimmed = inside.trim();
        if (trimmed.isEmpty()) {
            return false;
        }
        for (String token : trimmed.split("\\s+")) {
            if (!ATTRIBUTE.matcher(token).matches()) {
                return false;
            }
        }
        return true;
    }
}

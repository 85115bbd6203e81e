package org.xenproject.supportstatus.web.answer;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.List;
import org.springframework.http.MediaType;

/** What the service's feeds share, as JSON pages and as Atom: page sizes, links, writing. */
public final class Feeds {

    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    /** Entries in an Atom feed: the newest. */
    public static final int ATOM_ENTRIES = 50;
    /** The largest page of a JSON feed. */
    public static final int MAX_PAGE_SIZE = 200;

    private Feeds() {}

    /** Page {@code page} (from 0) of {@code size} entries; empty past the end. */
    public static <T> List<T> page(List<T> all, int page, int size) {
        long from = (long) page * size;
        return from >= all.size() ? List.of() : all.subList((int) from, (int) Math.min(all.size(), from + size));
    }

    /** The newest entries an Atom feed shows. */
    public static <T> List<T> newest(List<T> all) {
        return all.subList(0, Math.min(ATOM_ENTRIES, all.size()));
    }

    public static SyndLink link(String href, String rel, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setHref(href);
        link.setRel(rel);
        link.setType(type);
        return link;
    }

    public static String atom(SyndFeed feed) {
        feed.setFeedType("atom_1.0");
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("The feed '" + feed.getTitle() + "' could not be written as Atom", e);
        }
    }
}

package org.xenproject.supportstatus.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.xenproject.supportstatus.release.PointRelease;
import org.xenproject.supportstatus.store.Checkpoint;
import org.xenproject.supportstatus.store.FileRevision;
import org.xenproject.supportstatus.store.KnownBranch;

/**
 * SUPPORT.md from a web server, one URL per branch; the branches are those the git URL advertises
 * (no clone). Requests are conditional on the last answer's validators, bounded in time and size,
 * and follow redirects as the JDK's client does ({@link HttpClient.Redirect#NORMAL}: never from
 * https to http). No history: each changed answer becomes a revision without a commit.
 */
final class HttpSupportSource implements SupportSource {

    /** The redirects the JDK's client follows (the others it hands back as they are). */
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    private final HttpClient client;
    private final String gitUrl;
    private final String fileUrlTemplate;
    private final Duration timeout;
    private final int maxFileBytes;

    /**
     * {@code client} follows redirects by its own policy, {@link HttpClient.Redirect#NORMAL} (never
     * from https to http, nor to a scheme other than http(s)), and within its own limit: fewer than
     * {@code jdk.httpclient.redirects.retrylimit} (5 unless set), so at most 4.
     */
    HttpSupportSource(HttpClient client, String gitUrl, String fileUrlTemplate, Duration timeout, int maxFileBytes) {
        if (client.followRedirects() != HttpClient.Redirect.NORMAL) {
            throw new IllegalArgumentException("the client must follow redirects as HttpClient.Redirect.NORMAL does");
        }
        this.client = client;
        this.gitUrl = gitUrl;
        this.fileUrlTemplate = fileUrlTemplate;
        this.timeout = timeout;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public String describe() {
        return "http " + Urls.withoutCredentials(fileUrlTemplate) + " (branches from " + Urls.withoutCredentials(gitUrl)
                + ")";
    }

    @Override
    public SourceRefs refs() throws IOException {
        List<SourceBranch> branches = new ArrayList<>();
        List<PointRelease> tags = new ArrayList<>();
        try {
            for (Ref ref : Git.lsRemoteRepository()
                    .setRemote(gitUrl)
                    .setHeads(true)
                    .setTags(true)
                    .setTimeout((int) Math.max(1, timeout.toSeconds()))
                    .call()) {
                String name = ref.getName();
                if (name.startsWith(Constants.R_HEADS)) {
                    branches.add(new SourceBranch(
                            name.substring(Constants.R_HEADS.length()),
                            ref.getObjectId().name()));
                } else if (name.startsWith(Constants.R_TAGS)) {
                    ObjectId commit = ref.getPeeledObjectId() != null ? ref.getPeeledObjectId() : ref.getObjectId();
                    PointRelease.ofTag(name.substring(Constants.R_TAGS.length()), commit.name(), null)
                            .ifPresent(tags::add);
                }
            }
        } catch (GitAPIException e) {
            throw new IOException(
                    "Could not list the branches of " + Urls.withoutCredentials(gitUrl) + ": " + e.getMessage(), e);
        }
        return new SourceRefs(branches, tags);
    }

    @Override
    public BranchRead read(SourceBranch branch, KnownBranch known) throws BranchFailure {
        Checkpoint last = known.hasData() ? known.checkpoint() : null;
        URI uri = uri(fileUrlTemplate.replace("{branch}", branch.name()));
        HttpResponse<byte[]> response = send(uri, last);
        // Where the answer came from, after the redirects the client followed.
        URI from = response.uri();
        int status = response.statusCode();
        if (status == 200) {
            byte[] body = response.body();
            if (body.length > maxFileBytes) {
                throw new BranchFailure(PATH + " from " + shown(from) + " is larger than " + maxFileBytes + " bytes");
            }
            Checkpoint checkpoint = new Checkpoint(
                    branch.tip(),
                    false,
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            FileRevision revision = new FileRevision(body, null, branch.tip(), null, null, null, null);
            return new SupportFile(List.of(revision), null, checkpoint);
        }
        if (status == 304 && last != null) {
            return new SupportFile(
                    List.of(), null, new Checkpoint(branch.tip(), false, last.etag(), last.lastModified()));
        }
        if (status == 404 || status == 410) {
            if (!known.hasData()) {
                return new NoSupportFile();
            }
            throw new BranchFailure(PATH + " is gone: HTTP " + status + " from " + shown(from));
        }
        if (status >= 300 && status < 400) {
            throw new BranchFailure(unfollowed(response));
        }
        throw new BranchFailure("HTTP " + status + " from " + shown(from));
    }

    /**
     * Why a redirect the client answered with was not followed ({@link HttpClient.Redirect#NORMAL}):
     * one from https to http or to a scheme other than http(s), which it never follows, or one
     * more than it follows; any other 3xx is not a redirect it follows at all.
     */
    private static String unfollowed(HttpResponse<byte[]> response) {
        URI from = response.uri();
        Optional<String> location = response.headers().firstValue("Location");
        if (!FOLLOWED.contains(response.statusCode()) || location.isEmpty()) {
            return "HTTP " + response.statusCode() + " from " + shown(from);
        }
        URI to;
        try {
            to = from.resolve(new URI(location.get()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "HTTP " + response.statusCode() + " to a URL that is not one from " + shown(from);
        }
        String scheme = to.getScheme() == null ? "" : to.getScheme();
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(scheme)) {
            return "redirect from https to http refused: " + shown(from) + " to " + shown(to);
        }
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return "redirect to a URL that is not http(s) refused: " + shown(from) + " to " + shown(to);
        }
        int followed = 0;
        for (Optional<HttpResponse<byte[]>> previous = response.previousResponse();
                previous.isPresent();
                previous = previous.get().previousResponse()) {
            followed++;
        }
        return "too many redirects: " + followed + " followed, the next one, from " + shown(from) + " to " + shown(to)
                + ", was not";
    }

    /** One request, its body read up to one byte over the limit, all of it within the timeout. */
    private HttpResponse<byte[]> send(URI uri, Checkpoint last) throws BranchFailure {
        // No timeout on the request itself: on JDK 17 the client leaves the timer of a request it
        // redirected running, which then cuts off a later request on the same connection
        // (JDK-8304701, fixed in JDK 22). The wait below bounds the whole exchange instead.
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (last != null && last.etag() != null) {
            request.header("If-None-Match", last.etag());
        }
        if (last != null && last.lastModified() != null) {
            request.header("If-Modified-Since", last.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request.build(), info -> new LimitedBody(maxFileBytes + 1));
        try {
            // Connection, redirects, headers and body alike.
            return exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new BranchFailure("no complete answer within " + timeout + " from " + shown(uri));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new BranchFailure("interrupted while reading " + shown(uri));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new BranchFailure("no answer within " + timeout + " from " + shown(uri));
            }
            throw new BranchFailure("could not read " + shown(uri) + ": " + cause, cause);
        }
    }

    private static URI uri(String text) throws BranchFailure {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new BranchFailure("not a URL: " + Urls.withoutCredentials(text));
        }
    }

    private static String shown(URI uri) {
        return Urls.withoutCredentials(uri.toString());
    }

    @Override
    public void close() {
        // The HttpClient is shared between runs; nothing of this run's own to release.
    }

    /** Collects at most {@code limit} bytes, then stops reading: an oversize body is never read whole. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
                if (bytes.size() >= limit) {
                    subscription.cancel();
                    result.complete(bytes.toByteArray());
                    return;
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}

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
 * (no clone). Requests are conditional on the last answer's validators, bounded in time, size and
 * redirects. No history: each changed answer becomes a revision without a commit.
 */
final class HttpSupportSource implements SupportSource {

    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final String gitUrl;
    private final String fileUrlTemplate;
    private final Duration timeout;
    private final int maxFileBytes;

    /** {@code client} must not follow redirects itself: this source counts them. */
    HttpSupportSource(HttpClient client, String gitUrl, String fileUrlTemplate, Duration timeout, int maxFileBytes) {
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
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<byte[]> response = send(uri, last);
            int status = response.statusCode();
            if (status == 200) {
                byte[] body = response.body();
                if (body.length > maxFileBytes) {
                    throw new BranchFailure(
                            PATH + " from " + shown(uri) + " is larger than " + maxFileBytes + " bytes");
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
                throw new BranchFailure(PATH + " is gone: HTTP " + status + " from " + shown(uri));
            }
            if (status >= 300 && status < 400 && status != 304) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new BranchFailure("HTTP " + status + " without Location from " + shown(uri));
                }
                URI next = uri.resolve(uri(location));
                if (!"http".equalsIgnoreCase(next.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) {
                    throw new BranchFailure("redirect to a URL that is not http(s) from " + shown(uri));
                }
                uri = next;
                continue;
            }
            throw new BranchFailure("HTTP " + status + " from " + shown(uri));
        }
        throw new BranchFailure("more than " + MAX_REDIRECTS + " redirects, last to " + shown(uri));
    }

    /** One request, its body read up to one byte over the limit, all of it within the timeout. */
    private HttpResponse<byte[]> send(URI uri, Checkpoint last) throws BranchFailure {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(timeout).GET();
        if (last != null && last.etag() != null) {
            request.header("If-None-Match", last.etag());
        }
        if (last != null && last.lastModified() != null) {
            request.header("If-Modified-Since", last.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request.build(), info -> new LimitedBody(maxFileBytes + 1));
        try {
            // The request timeout covers the headers only; this bounds the body too.
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

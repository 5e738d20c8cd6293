package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.IRestfulClientFactory;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches missing prefetch data from the EHR's FHIR server with HAPI's generic client and the request's bearer
 * token: a read or a search per key, in parallel, following {@code next} links on the same server only (the token is
 * never sent elsewhere), each request bounded by connect and read timeouts and the whole call by a budget. Anything
 * short of a full answer (no server, no token, plain http, refused, unreachable, too slow, an error OperationOutcome)
 * leaves the key missing, which the resolver turns into 412. The access token is never logged.
 */
final class HapiMissingDataFetcher implements MissingDataFetcher, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HapiMissingDataFetcher.class);
    private final FhirContext context;
    private final FhirFetchProperties settings;
    private final Clock clock;
    private final ThreadPoolExecutor executor;

    HapiMissingDataFetcher(FhirContext context, FhirFetchProperties settings, Clock clock) {
        this.context = context;
        this.settings = settings;
        this.clock = clock;
        IRestfulClientFactory factory = context.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout((int) settings.connectTimeout().toMillis());
        factory.setConnectionRequestTimeout((int) settings.connectTimeout().toMillis());
        factory.setSocketTimeout((int) settings.readTimeout().toMillis());
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.threads() * 16), r -> {
                    Thread thread = new Thread(r, "fhir-fetch-" + n.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    public Optional<List<Resource>> fetch(FhirServerAccess access, PrefetchKey key, String query) {
        return fetchAll(access, Map.of(key, query)).getOrDefault(key, Optional.empty());
    }

    @Override
    public Map<PrefetchKey, Optional<List<Resource>>> fetchAll(FhirServerAccess access,
            Map<PrefetchKey, String> queries) {
        Map<PrefetchKey, Optional<List<Resource>>> results = new EnumMap<>(PrefetchKey.class);
        queries.keySet().forEach(key -> results.put(key, Optional.empty()));
        if (!usable(access)) {
            return results;
        }
        Instant deadline = clock.instant().plus(settings.budget());
        long deadlineNanos = System.nanoTime() + settings.budget().toNanos();
        Map<PrefetchKey, Future<List<Resource>>> running = new EnumMap<>(PrefetchKey.class);
        try {
            queries.forEach((key, query) -> running.put(key, executor.submit(() -> fetchOne(access, key, query,
                    deadlineNanos))));
        } catch (RejectedExecutionException e) {
            log.warn("FHIR fetch refused: all {} fetch threads are busy", settings.threads());
        }
        for (var entry : running.entrySet()) {
            try {
                long left = deadlineNanos - System.nanoTime();
                results.put(entry.getKey(), Optional.ofNullable(entry.getValue().get(Math.max(left, 0),
                        TimeUnit.NANOSECONDS)));
            } catch (TimeoutException e) {
                log.warn("FHIR fetch of '{}' exceeded the {} budget (deadline {})", entry.getKey().key(),
                        settings.budget(), deadline);
            } catch (ExecutionException e) {
                log.warn("FHIR fetch of '{}' failed: {}", entry.getKey().key(), e.getCause().getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        running.values().forEach(f -> f.cancel(true));
        return results;
    }

    private boolean usable(FhirServerAccess access) {
        if (access == null || access.fhirServer() == null || access.accessToken() == null) {
            return false;
        }
        String scheme = URI.create(access.fhirServer()).getScheme();
        if ("https".equals(scheme) || settings.allowHttp() && "http".equals(scheme)) {
            return true;
        }
        log.warn("Not fetching from a FHIR server that is not https (ketamine.fhir.fetch.allow-http is off)");
        return false;
    }

    /** The resources of one key; null when they cannot be had in full. */
    private List<Resource> fetchOne(FhirServerAccess access, PrefetchKey key, String query, long deadlineNanos) {
        IGenericClient client = context.newRestfulGenericClient(access.fhirServer());
        client.registerInterceptor(new BearerTokenAuthInterceptor(access.accessToken()));
        if (key.read()) {
            try {
                IBaseResource resource = client.read().resource(key.type().name())
                        .withId(new IdType(query).getIdPart()).execute();
                return List.of((Resource) resource);
            } catch (ResourceNotFoundException | ResourceGoneException e) {
                return List.of();
            }
        }
        Bundle page = client.search().byUrl(query).returnBundle(Bundle.class).execute();
        List<Resource> resources = new ArrayList<>();
        for (int pages = 1; ; pages++) {
            if (!complete(page)) {
                return null;
            }
            page.getEntry().stream().filter(Bundle.BundleEntryComponent::hasResource)
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(r -> !(r instanceof OperationOutcome)).forEach(resources::add);
            if (resources.size() > settings.maxResources()) {
                log.warn("Not using '{}': the FHIR server sent more than {} resources", key.key(),
                        settings.maxResources());
                return null;
            }
            Bundle.BundleLinkComponent next = page.getLink(Bundle.LINK_NEXT);
            if (next == null) {
                return resources;
            }
            if (pages >= settings.maxPages() || System.nanoTime() > deadlineNanos
                    || !onServer(access.fhirServer(), next.getUrl())) {
                log.warn("Not following the next link of '{}' (page limit, budget, or a link off the FHIR server)",
                        key.key());
                return null;
            }
            page = client.loadPage().next(page).execute();
        }
    }

    /** True when {@code url} is on the FHIR server (same scheme, host, port, under its path): the token goes nowhere else. */
    static boolean onServer(String fhirServer, String url) {
        try {
            URI base = URI.create(fhirServer).normalize();
            URI link = URI.create(url).normalize();
            String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
            String linkPath = link.getPath() == null ? "" : link.getPath();
            return base.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
                    && base.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
                    && base.getPort() == link.getPort() && link.getRawUserInfo() == null
                    && (linkPath.equals(basePath) || linkPath.startsWith(basePath + "/"));
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** False when a page carries an error or fatal OperationOutcome: its data may be partial. */
    private static boolean complete(Bundle page) {
        return page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
                .flatMap(o -> o.getIssue().stream())
                .noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        || i.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package org.ketaminecds.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;

/**
 * A real HAPI FHIR RESTful server on loopback, in an embedded Tomcat: it serves fixture resources by type for the
 * patient searched, pages its results two at a time, refuses any request without the expected bearer token, and can
 * be made slow. It records the URLs it was asked for.
 */
public final class TestFhirServer implements AutoCloseable {
    final AtomicLong delayMillis = new AtomicLong();
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<ResourceType, List<Resource>> data = new ConcurrentHashMap<>();
    private final String token;
    private final Tomcat tomcat;

    public TestFhirServer(String token) throws Exception {
        this.token = token;
        RestfulServer server = new RestfulServer(FhirContext.forR4Cached());
        List<IResourceProvider> providers = new ArrayList<>();
        for (PrefetchKey key : PrefetchKey.values()) {
            providers.add(new Fixtures(key.type()));
        }
        server.setResourceProviders(providers);
        FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
        paging.setDefaultPageSize(2);
        paging.setMaximumPageSize(2);
        server.setPagingProvider(paging);
        server.registerInterceptor(new BearerCheck());
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("fhir-tomcat").toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "fhir", server);
        context.addServletMappingDecoded("/fhir/*", "fhir");
        tomcat.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/fhir";
    }

    /** Replaces the served data. */
    public void serve(List<Resource> resources) {
        data.clear();
        requests.clear();
        for (Resource resource : resources) {
            data.computeIfAbsent(resource.getResourceType(), t -> new CopyOnWriteArrayList<>()).add(resource);
        }
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    /** Refuses requests without the expected bearer token (401) and applies the configured delay. */
    final class BearerCheck {
        @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
        public boolean check(HttpServletRequest request) throws InterruptedException {
            requests.add(request.getRequestURI() + (request.getQueryString() == null ? "" : "?"
                    + request.getQueryString()));
            if (delayMillis.get() > 0) {
                Thread.sleep(delayMillis.get());
            }
            if (!("Bearer " + token).equals(request.getHeader("Authorization"))) {
                throw new AuthenticationException("Missing or wrong bearer token");
            }
            return true;
        }
    }

    /** Serves one resource type. */
    public final class Fixtures implements IResourceProvider {
        private final ResourceType type;

        Fixtures(ResourceType type) {
            this.type = type;
        }

        @Override
        public Class<? extends IBaseResource> getResourceType() {
            return FhirContext.forR4Cached().getResourceDefinition(type.name()).getImplementingClass();
        }

        @Read
        public IBaseResource read(@IdParam IdType id) {
            return data.getOrDefault(type, List.of()).stream()
                    .filter(r -> r.getIdElement().getIdPart().equals(id.getIdPart())).findFirst()
                    .orElseThrow(() -> new ResourceNotFoundException(id));
        }

        @Search(allowUnknownParams = true)
        public List<IBaseResource> search(@RequiredParam(name = "patient") ReferenceParam patient) {
            return new ArrayList<>(data.getOrDefault(type, List.of()));
        }
    }
}

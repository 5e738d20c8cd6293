package org.ketaminecds.cdshooks;

import org.ketaminecds.common.ApiException;
import org.ketaminecds.common.OperationOutcomes;
import org.ketaminecds.common.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.ketaminecds.security.EhrClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps the body of CDS Hooks calls: a declared or actual size over the limit is answered 413 with an
 * OperationOutcome before authentication or parsing, so an oversized body costs at most the limit in memory.
 * The refusal is recorded like every other answer.
 */
final class BodySizeLimitFilter extends OncePerRequestFilter {
    private final long maxBytes;
    private final DecisionService decisions;

    BodySizeLimitFilter(RequestLimits limits, DecisionService decisions) {
        this.maxBytes = limits.maxBodySize().toBytes();
        this.decisions = decisions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod())
                || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            tooLarge(request, response);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            tooLarge(request, response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String serviceId = path.startsWith("/cds-services/") ? path.substring("/cds-services/".length()) : path;
        String decisionId = decisions.refuse(serviceId, EhrClient.UNAUTHENTICATED, ErrorCode.PAYLOAD_TOO_LARGE);
        response.setHeader("Connection", "close");
        OperationOutcomes.write(response, new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body exceeds " + maxBytes + " bytes.").recordedAs(decisionId));
    }

    /** The request with its body already read (and within the limit). */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}

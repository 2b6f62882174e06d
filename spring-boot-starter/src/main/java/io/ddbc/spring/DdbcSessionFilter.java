package io.ddbc.spring;

import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.SessionToken;
import io.ddbc.api.SessionTokenException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * One ddbc session per HTTP request, continued across requests and application instances by a header: the
 * session is resumed from the request header ({@code Ddbc-Session} by default) or started fresh, exposed as the
 * request attribute {@link #ATTRIBUTE} (and as the injectable request-scoped {@code DdbcSession}), and its updated
 * token is returned in the same response header. A client that sends back the last token it got reads its own
 * writes on any instance. A token the client refuses (another backend, forged, unsigned under a signing key)
 * is answered with 400.
 *
 * <p>The response body is buffered until the handler returns, because a header cannot be added to a response
 * that has already been sent; keep streaming endpoints off this filter (or set
 * {@code ddbc.session.filter-enabled=false} and resume sessions yourself).
 *
 * <pre>{@code
 * curl -i -X POST localhost:8080/accounts/alice/deposits?amount=5      # -> Ddbc-Session: <token>
 * curl -H 'Ddbc-Session: <token>' localhost:8080/accounts/alice        # sees the deposit, on any instance
 * }</pre>
 */
public class DdbcSessionFilter extends OncePerRequestFilter {
    /** The request attribute holding the request's {@link DdbcSession}. */
    public static final String ATTRIBUTE = DdbcSession.class.getName();

    private final DdbcClient client;
    private final String header;

    /** A filter resuming sessions of {@code client} from {@code header}. */
    public DdbcSessionFilter(DdbcClient client, String header) {
        this.client = client;
        this.header = header;
    }

    /** The session the filter opened for {@code request}, or null outside the filter. */
    public static DdbcSession currentSession(HttpServletRequest request) {
        return (DdbcSession) request.getAttribute(ATTRIBUTE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader(header);
        DdbcSession session;
        try {
            session = token == null || token.isBlank() ? client.newSession() : client.resumeSession(SessionToken.parse(token.trim()));
        } catch (SessionTokenException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "Invalid " + header + " header: " + e.getMessage());
            return;
        }
        request.setAttribute(ATTRIBUTE, session);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, buffered);
        } finally {
            // Also after a failed write: the session may have learned something the client should carry on.
            buffered.setHeader(header, session.token().serialize());
            buffered.copyBodyToResponse();
        }
    }
}

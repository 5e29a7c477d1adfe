package id.terpadu.common.http;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.arc.Arc;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;
import id.terpadu.common.error.ProblemType;
import id.terpadu.common.security.DevTokens;

/**
 * The methods each path allows, derived once from the JAX-RS annotations of the resource classes: the one source of
 * the {@code Allow} header of a 405 (RFC 9110 §15.5.6 requires it; the framework's exception carries none) and of
 * the answer to {@code OPTIONS} (the framework's own listed the methods of every resource class sharing the path's
 * prefix, so it advertised methods the path refuses).
 * <p>
 * Both are answered before authentication, the rate limiter and the database. They tell what the published OpenAPI
 * document (served without a token at {@code /q/openapi}) already tells anyone, from the path's shape alone: nothing
 * about whether a record exists ({@code OPTIONS /api/v1/incidents/<any id>} answers the same for every id). A CORS
 * preflight from an origin the configuration allows is answered before this, by {@link Cors}; any other
 * {@code OPTIONS} carries no CORS headers, so a browser's preflight fails.
 */
@Singleton
public class AllowedMethods {

    /**
     * One resource method's full path template, with what JAX-RS ranks candidate templates by: the number of literal
     * characters, then of variables (the more specific template wins: {@code /action-plans/recap} over
     * {@code /action-plans/{id}}).
     */
    private record Route(
            String template, Pattern pattern, String method, int literals, int variables, List<String> consumes) {}

    private static final String DEV_PATHS = "/api/v1/dev/";

    /** What the HTTP metrics tag a request with (the framework's key); without it they take the raw path. */
    private static final String METRICS_TEMPLATE = "UrlPathTemplate";

    /**
     * The routes by the shape of the paths they can match ({@link #key}): every API request is looked up here, so a
     * request compares its path with the few templates of its own resource, not with all of them.
     */
    private volatile Map<String, List<Route>> routes;

    private final DevTokens devTokens;

    AllowedMethods(DevTokens devTokens) {
        this.devTokens = devTokens;
    }

    /**
     * Answers {@code OPTIONS} on an API path (204 with its {@code Allow}) and refuses a method the path does not serve
     * (405 with the same {@code Allow}, through the problem mapper). Left to the framework, such a request reached a
     * less specific template (a PUT to {@code /action-plans/recap} went to {@code PUT /action-plans/{id}} and was a
     * 404). An unknown path is left to the framework (404).
     */
    @ServerRequestFilter(preMatching = true)
    public Response methods(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/")) {
            return null;
        }
        if (path.startsWith(DEV_PATHS) && !devTokens.enabled()) {
            // switched off (production), the development addresses do not exist for any method
            throw new ProblemException(ProblemType.NOT_FOUND, Message.of("http.not-found"));
        }
        Match match = match(path);
        if (match == null) {
            return null;
        }
        Set<String> methods = match.methods();
        String method = request.getMethod();
        if (HttpMethod.OPTIONS.equals(method) || !methods.contains(method)) {
            // answered here, never by a resource: tagged by template, so that random ids make no new metrics
            ((HttpServerRequestInternal) routing.request()).context().putLocal(METRICS_TEMPLATE, match.template());
        }
        if (HttpMethod.OPTIONS.equals(method)) {
            return Response.noContent()
                    .header("Allow", String.join(", ", methods))
                    .build();
        }
        if (!methods.contains(method)) {
            throw new NotAllowedException(
                    Response.status(Response.Status.METHOD_NOT_ALLOWED).build());
        }
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && hasBody(request)
                && !accepts(path, method).isEmpty()) {
            // a body that says not what it is: the framework read it as the operation's first type, so a form or a
            // file sent without its type was taken for JSON; refused as a type it does not take, naming the ones it
            // does
            throw new NotSupportedException();
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return request.getHeaderString("Transfer-Encoding") != null
                || length != null && !length.isBlank() && !length.trim().equals("0");
    }

    /** The {@code Allow} header of a path: empty when no resource serves it. */
    public String allow(String path) {
        Match match = match(path);
        return match == null ? "" : String.join(", ", match.methods());
    }

    /**
     * The Content-Types an operation takes (its {@code @Consumes}), for the 415 of a body it does not: empty when the
     * path and method name no operation, or the operation states none.
     */
    public List<String> accepts(String path, String method) {
        Match match = match(path);
        if (match == null) {
            return List.of();
        }
        Set<String> types = new TreeSet<>();
        for (Route route : match.routes()) {
            if (route.method().equals(method)) {
                types.addAll(route.consumes());
            }
        }
        return List.copyOf(types);
    }

    /**
     * The most specific template a path matches, the methods of every route with that template's rank, and those
     * routes.
     */
    private record Match(String template, Set<String> methods, List<Route> routes) {}

    private Match match(String path) {
        List<Route> candidates = routes().getOrDefault(key(path), List.of());
        Set<String> methods = new TreeSet<>();
        List<Route> ranked = new ArrayList<>();
        Route best = null;
        for (Route route : candidates) {
            if (!route.pattern().matcher(path).matches()) {
                continue;
            }
            int rank = best == null ? 1 : rank(route, best);
            if (rank > 0) {
                methods.clear();
                ranked.clear();
                best = route;
            }
            if (rank >= 0) {
                methods.add(route.method());
                ranked.add(route);
            }
        }
        if (best == null) {
            return null;
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        return new Match(best.template(), methods, ranked);
    }

    private static int rank(Route route, Route than) {
        return route.literals() != than.literals()
                ? Integer.compare(route.literals(), than.literals())
                : Integer.compare(route.variables(), than.variables());
    }

    /**
     * The shape of a path: its number of segments and its first three ({@code /api/v1/incidents}), the prefix every
     * resource's template spells out; a template can only match a path of its own shape.
     */
    private static String key(String path) {
        String[] segments = path.substring(1).split("/");
        StringBuilder key = new StringBuilder().append(segments.length);
        for (int i = 0; i < Math.min(3, segments.length); i++) {
            key.append('/').append(segments[i]);
        }
        return key.toString();
    }

    private Map<String, List<Route>> routes() {
        if (routes == null) {
            Map<String, List<Route>> byShape = new HashMap<>();
            for (Route route : scan()) {
                if (route.template().startsWith("/api/")) {
                    if (key(route.template()).contains("{")) {
                        throw new IllegalStateException("an API path template names a variable in its first three "
                                + "segments: " + route.template());
                    }
                    byShape.computeIfAbsent(key(route.template()), k -> new ArrayList<>())
                            .add(route);
                }
            }
            routes = Map.copyOf(byShape);
        }
        return routes;
    }

    private static List<Route> scan() {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = ("/" + root.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
                if (template.length() > 1 && template.endsWith("/")) {
                    template = template.substring(0, template.length() - 1);
                }
                String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
                int literals = template.replaceAll("\\{[^}]+}", "").length();
                int variables = template.length() - template.replace("{", "").length();
                Consumes consumes = method.isAnnotationPresent(Consumes.class)
                        ? method.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                found.add(new Route(
                        template,
                        Pattern.compile(regex + "/?"),
                        http,
                        literals,
                        variables,
                        consumes == null ? List.of() : List.of(consumes.value())));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}

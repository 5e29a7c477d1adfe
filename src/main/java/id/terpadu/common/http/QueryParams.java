package id.terpadu.common.http;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import id.terpadu.common.error.FieldProblem;
import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/**
 * A query parameter the operation does not take is a 400 naming it, with the ones it takes in {@code allowed}, as an
 * unknown field of a body is, and so is one given twice (none takes several values that way). Ignored, a misspelt filter ({@code ?regoin=13}, {@code ?severity=1} for
 * {@code severityMin}) answered the whole unfiltered list as if it had been applied: an integration script never
 * learnt, and an export held more than its reader asked for. What an operation takes is read once from its
 * {@code @QueryParam}s and those of its {@code @BeanParam}s, the same annotations its documentation comes from.
 * Judged after authentication and authorization and before the resource runs, so a refused request writes nothing.
 */
@Singleton
public class QueryParams {

    /** The longest name a refusal repeats; a longer one is cut. */
    private static final int NAME_SHOWN = 100;

    /** What each resource method takes, in alphabetical order (a handful each: a list's contains is enough). */
    private final Map<Method, List<String>> taken = new ConcurrentHashMap<>();

    /** After the filters that authorize (at {@code USER}): a caller who may not call the operation gets 403 whatever it sends. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || request.getUriInfo().getRequestUri().getRawQuery() == null) {
            return;
        }
        List<String> takes = taken.computeIfAbsent(method, QueryParams::scan);
        Map<String, List<String>> given = request.getUriInfo().getQueryParameters();
        List<FieldProblem> problems = new ArrayList<>();
        Message unknown = takes.isEmpty() ? Message.of("query.none") : Message.of("query.unknown");
        for (String name : new TreeSet<>(given.keySet())) {
            if (name.isEmpty()) {
                continue;
            }
            if (!takes.contains(name)) {
                problems.add(FieldProblem.of(shown(name), unknown));
            } else if (given.get(name).size() > 1) {
                // no parameter takes several values this way (a list is comma-separated): the first one alone would
                // be applied, as if the others had not been sent
                problems.add(FieldProblem.of(name, Message.of("query.repeated")));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems, takes.isEmpty() ? null : takes);
        }
    }

    private static String shown(String name) {
        return name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "…" : name;
    }

    /** The query parameters a resource method takes, in alphabetical order. */
    static List<String> scan(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            collect(parameter, parameter.getType(), names);
        }
        return List.copyOf(names);
    }

    private static void collect(AnnotatedElement element, Class<?> type, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        if (element.isAnnotationPresent(BeanParam.class)) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    collect(field, field.getType(), names);
                }
                for (Method setter : c.getDeclaredMethods()) {
                    QueryParam onMethod = setter.getAnnotation(QueryParam.class);
                    if (onMethod != null) {
                        names.add(onMethod.value());
                    }
                }
            }
        }
    }
}

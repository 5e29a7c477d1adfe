package id.terpadu.common.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Defines once, under {@code components}, what operations share, and refers to it with {@code $ref} from each:
 * <ul>
 * <li>every example of a request or response body goes to {@code components/examples}, named
 * {@code {Schema}.{name}}: the schema of its media type and its name in the operation (a body without a named schema
 * lends the operation id). Operations that show the same example refer to its one definition; a different example
 * under a name already taken is named after its operation instead ({@code {operationId}.{name}});</li>
 * <li>a parameter that two or more operations declare alike goes to {@code components/parameters}: a path parameter
 * as {@code {collection}.{name}} ({@code incidents.id}, the collection being the first segment after
 * {@code /api/v1/}), any other under its own name ({@code limit}, {@code If-Match}). Where operations declare a
 * parameter of one name in several ways, the way most of them use takes the name; another way used within one
 * collection is named after it, and the rest stay with their operations.</li>
 * </ul>
 * This keeps each example and each common parameter in the document once, however many operations use it. It runs
 * after every other step, which read and change the examples and parameters of each operation in place.
 */
final class References {

    private static final String API = "/api/v1/";

    private References() {}

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        examples(openAPI);
        parameters(openAPI);
    }

    // ------------------------------------------------------------------ examples

    private static void examples(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        Map<String, Example> defined = new LinkedHashMap<>();
        if (components.getExamples() != null) {
            defined.putAll(components.getExamples());
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            for (Operation operation : item.getOperations().values()) {
                String operationId = operation.getOperationId() == null ? "operation" : operation.getOperationId();
                if (operation.getRequestBody() != null) {
                    examples(operation.getRequestBody().getContent(), operationId, defined);
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    for (APIResponse response :
                            operation.getResponses().getAPIResponses().values()) {
                        examples(response.getContent(), operationId, defined);
                    }
                }
            }
        });
        if (!defined.isEmpty()) {
            components.setExamples(defined);
        }
    }

    private static void examples(Content content, String operationId, Map<String, Example> defined) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            if (media.getExamples() == null || media.getExamples().isEmpty()) {
                continue;
            }
            String owner = media.getSchema() != null && media.getSchema().getRef() != null
                    ? media.getSchema()
                            .getRef()
                            .substring(media.getSchema().getRef().lastIndexOf('/') + 1)
                    : operationId;
            Map<String, Example> referred = new LinkedHashMap<>();
            media.getExamples().forEach((key, example) -> {
                if (example.getRef() != null) {
                    referred.put(key, example);
                    return;
                }
                String name = defined.entrySet().stream()
                        .filter(e -> e.getValue().equals(example))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElseGet(() -> define(owner + "." + key, example, defined));
                if (name == null) {
                    name = define(operationId + "." + key, example, defined);
                }
                for (int n = 2; name == null; n++) {
                    name = define(operationId + "." + key + "." + n, example, defined);
                }
                referred.put(key, OASFactory.createExample().ref(name));
            });
            media.setExamples(referred);
        }
    }

    /**
     * The name under which {@code example} is defined: {@code name} (with any character a component name may not
     * hold made a {@code -}) when free or holding the same example, else null.
     */
    private static String define(String name, Example example, Map<String, Example> defined) {
        String valid = componentName(name);
        Example existing = defined.putIfAbsent(valid, example);
        return existing == null || existing.equals(example) ? valid : null;
    }

    /** A component's name may hold letters, digits, {@code .}, {@code -} and {@code _} only. */
    static String componentName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    // ------------------------------------------------------------------ parameters

    private static void parameters(OpenAPI openAPI) {
        // every way a parameter is declared, with the collections of the operations that declare it so
        Map<Parameter, List<String>> uses = new LinkedHashMap<>();
        forEachParameter(openAPI, (collection, parameter) -> {
            if (parameter.getRef() == null) {
                uses.computeIfAbsent(parameter, p -> new ArrayList<>()).add(collection);
            }
        });
        Map<String, List<Parameter>> byName = new LinkedHashMap<>();
        uses.forEach((parameter, collections) -> {
            if (collections.size() > 1) {
                byName.computeIfAbsent(parameter.getIn() + " " + parameter.getName(), k -> new ArrayList<>())
                        .add(parameter);
            }
        });
        Components components = openAPI.getComponents();
        Map<String, Parameter> defined = new LinkedHashMap<>();
        if (components.getParameters() != null) {
            defined.putAll(components.getParameters());
        }
        Map<Parameter, String> names = new HashMap<>();
        byName.values().forEach(variants -> {
            // the way most operations use first; the sort is stable, so ties keep the document's order
            List<Parameter> sorted = new ArrayList<>(variants);
            sorted.sort((a, b) -> uses.get(b).size() - uses.get(a).size());
            for (int i = 0; i < sorted.size(); i++) {
                Parameter parameter = sorted.get(i);
                Set<String> collections = new LinkedHashSet<>(uses.get(parameter));
                String name;
                if (collections.size() == 1 && (parameter.getIn() == Parameter.In.PATH || i > 0)) {
                    name = collections.iterator().next() + "." + parameter.getName();
                } else if (parameter.getIn() != Parameter.In.PATH && i == 0) {
                    name = parameter.getName();
                } else {
                    continue;
                }
                name = componentName(name);
                if (defined.putIfAbsent(name, parameter) == null) {
                    names.put(parameter, name);
                }
            }
        });
        if (names.isEmpty()) {
            return;
        }
        components.setParameters(defined);
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() == null) {
                    continue;
                }
                List<Parameter> referred = new ArrayList<>();
                for (Parameter parameter : operation.getParameters()) {
                    String name = parameter.getRef() == null ? names.get(parameter) : null;
                    referred.add(
                            name == null
                                    ? parameter
                                    : OASFactory.createParameter().ref(name));
                }
                operation.setParameters(referred);
            }
        });
    }

    private interface ParameterVisitor {
        void visit(String collection, Parameter parameter);
    }

    private static void forEachParameter(OpenAPI openAPI, ParameterVisitor visitor) {
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            String collection = collection(path);
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    item.getOperations().entrySet()) {
                if (entry.getValue().getParameters() != null) {
                    entry.getValue().getParameters().forEach(parameter -> visitor.visit(collection, parameter));
                }
            }
        });
    }

    /** {@code incidents} of {@code /api/v1/incidents/{id}/activities}. */
    static String collection(String path) {
        String rest = path.startsWith(API) ? path.substring(API.length()) : path.replaceFirst("^/+", "");
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}

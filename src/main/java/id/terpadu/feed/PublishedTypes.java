package id.terpadu.feed;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

import id.terpadu.common.changelog.RecordTypes;

/**
 * Documents the record types the feed publishes from the registry itself, at start: the feed's {@code types} lists
 * exactly the published types, with no list to keep. (A subscription's {@code eventTypes} are the same names, checked
 * by the service; the document leaves them a plain list of strings, which generated clients already use.)
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class PublishedTypes implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        List<Object> names = new ArrayList<>(
                Arc.container().instance(RecordTypes.class).get().publishedNames());
        PathItem feed = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem("/api/v1/feed/changes");
        if (feed != null && feed.getGET() != null && feed.getGET().getParameters() != null) {
            feed.getGET().getParameters().stream()
                    .filter(p -> "types".equals(p.getName()) && p.getSchema() != null)
                    .forEach(p -> {
                        // as every list of enumerated values in a query (see Strictness): form style, comma-separated
                        p.getSchema().items(items(names)).maxItems(names.size()).setEnumeration(null);
                        p.style(org.eclipse.microprofile.openapi.models.parameters.Parameter.Style.FORM)
                                .explode(false);
                    });
        }
    }

    private static Schema items(List<Object> names) {
        Schema items =
                org.eclipse.microprofile.openapi.OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        items.setEnumeration(names);
        return items;
    }
}

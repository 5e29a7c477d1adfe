package id.terpadu.incident;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.error.Message;
import id.terpadu.common.error.ProblemException;

/** The incident list's filters and its order: {@code sort} is the list's alone (statistics and exports have none). */
public class IncidentListFilters extends IncidentFilters {

    private static final List<String> SORTS = List.of("occurredAt", "updatedAt");

    @QueryParam("sort")
    @Parameter(
            description = "Newest first by occurredAt (default) or updatedAt",
            example = "occurredAt",
            schema = @Schema(enumeration = {"occurredAt", "updatedAt"}))
    String sort;

    @Override
    IncidentQuery query(IncidentQuery.Duplicates duplicates) {
        IncidentQuery.Order order;
        if (sort == null || sort.isBlank() || sort.equals("occurredAt")) {
            order = IncidentQuery.Order.OCCURRED_AT;
        } else if (sort.equals("updatedAt")) {
            order = IncidentQuery.Order.UPDATED_AT;
        } else {
            throw ProblemException.invalid("sort", Message.of("params.enum", "allowed", SORTS), SORTS);
        }
        return query(duplicates, order);
    }
}

package id.terpadu.task;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import id.terpadu.common.http.Params;

/**
 * The filter of an incident's task list as sent ({@code @BeanParam TaskStateFilter filter}): the state, one of
 * {@link TaskState}; the list of all tasks takes it too ({@link TaskFilters}).
 */
public class TaskStateFilter {

    @QueryParam("state")
    @Parameter(schema = @Schema(implementation = TaskState.class))
    String state;

    TaskState state() {
        return Params.enumValue(TaskState.class, state, "state");
    }
}

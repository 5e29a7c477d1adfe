package id.terpadu.dev;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class DemoDtos {

    private DemoDtos() {}

    @Schema(name = "DemoDataResponse", description = "The demo data set: every record the examples name.")
    public record DemoDataResponse(
            @Schema(description = "How many records this request created; 0 when the set was complete", example = "0")
            int created,

            @Schema(maxItems = 200) List<DemoRecord> records) {}

    @Schema(name = "DemoRecord")
    public record DemoRecord(
            @Schema(example = "incident", maxLength = 40) String type,

            @Schema(example = "5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f")
            UUID id,

            @Schema(
                    description = "Where to read it, below /api/v1",
                    example = "/incidents/5b7f0d2e-8c1a-4e3b-9f6d-2a1c0e9b8d7f",
                    maxLength = 200)
            String path,

            @Schema(description = "Whether this request created it")
            boolean created) {}
}

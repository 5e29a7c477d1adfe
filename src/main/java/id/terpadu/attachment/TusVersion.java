package id.terpadu.attachment;

import jakarta.ws.rs.HeaderParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code Tus-Resumable} header every tus request but OPTIONS carries ({@code @BeanParam TusVersion tus}). */
public class TusVersion {

    // a property of the request's Idempotency-Key fingerprint, like every other argument of the operation
    @JsonProperty
    @HeaderParam(Tus.TUS_RESUMABLE)
    @Parameter(
            description = "tus version; must be 1.0.0",
            required = true,
            example = Tus.VERSION,
            schema = @Schema(type = SchemaType.STRING, enumeration = Tus.VERSION))
    String resumable;

    /** 412 unless the client speaks tus 1.0.0. */
    void require() {
        Tus.require(resumable);
    }
}

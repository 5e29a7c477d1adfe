package id.terpadu.warning;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import id.terpadu.common.http.ETags;
import id.terpadu.common.security.Role;

/**
 * The current public alerts as an Atom feed. It needs a token like every other address: which warnings reach the
 * public is for the secretariats to publish, and a caller's region scope must hold here as in the JSON lists.
 */
@Path("/api/v1/alerts.atom")
@Produces(AlertXml.ATOM)
@Tag(name = "Early warnings")
@RolesAllowed({ Role.ADMIN_, Role.COORDINATOR_, Role.OFFICER_, Role.ANALYST_, Role.INTEGRATION_ })
public class AlertFeedResource {

    static final String FEED_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">
              <id>urn:terpadu:early-warning-alerts</id>
              <title>Peringatan dini konflik sosial</title>
              <subtitle>Peringatan dini berklasifikasi PUBLIC yang masih berlaku, perubahan terbaru lebih dulu, paling banyak 100; setiap entri menaut ke peringatan CAP 1.2.</subtitle>
              <updated>2024-11-21T08:15:00+00:00</updated>
              <link rel="self" type="application/atom+xml" href="https://terpadu.example/api/v1/alerts.atom"/>
              <author>
                <name>Tim Terpadu Penanganan Konflik Sosial</name>
              </author>
              <generator>Terpadu</generator>
              <entry>
                <id>urn:terpadu:early-warning:7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098</id>
                <title>Ketegangan antarpendukung paslon jelang penetapan hasil Pilkada</title>
                <updated>2024-11-21T08:15:00+00:00</updated>
                <published>2024-11-20T03:00:00+00:00</published>
                <summary>Risiko SEDANG (kemungkinan 4 × dampak 3) di Kota Pariaman, Sumatera Barat; status DIPANTAU.</summary>
                <category term="POLITIK_PILKADA" label="Pemilihan kepala daerah"/>
                <link rel="alternate" type="application/cap+xml" href="https://terpadu.example/api/v1/early-warnings/7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098"/>
              </entry>
            </feed>
            """;

    private final CapAlerts alerts;

    AlertFeedResource(CapAlerts alerts) {
        this.alerts = alerts;
    }

    @GET
    @Operation(summary = "Current public alerts as an Atom feed", description = "An Atom (RFC 4287) feed of the early "
            + "warnings that stand as public alerts: classification PUBLIC, status neither REDA nor ESKALASI, inside "
            + "your region scope; most recently changed first, at most 100 entries. Each entry's id is the warning "
            + "(urn:terpadu:early-warning:{id}) and its `link rel=\"alternate\" type=\"application/cap+xml\"` is the "
            + "warning's address: GET it with `Accept: application/cap+xml` for the CAP 1.2 alert. A token is needed "
            + "(any role, INTEGRATION included); RESTRICTED and CONFIDENTIAL warnings never appear, whoever asks. "
            + "The ETag is a digest of the feed; send it in If-None-Match when polling.")
    @APIResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = AlertXml.ATOM,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "feed", value = FEED_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    public Response feed(@Context UriInfo uri, @Context Request request) {
        byte[] feed = AlertXml.atom(alerts.feed(), uri.getRequestUri(),
                id -> uri.getBaseUriBuilder().path("api/v1/early-warnings/{id}").build(id), alerts.senderName(),
                Instant.now());
        return ETags.conditionalGet(request, ETags.ofContent(feed), feed);
    }
}

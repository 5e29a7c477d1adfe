package id.terpadu.earlywarning;

import static id.terpadu.support.Tokens.as;
import static id.terpadu.support.Tokens.coordinator;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import id.terpadu.common.security.Classification;
import id.terpadu.support.Db;
import id.terpadu.support.TestData;
import id.terpadu.support.fuzz.OpenApi;
import id.terpadu.verification.Verification;

/**
 * Early warnings as OASIS CAP 1.2 alerts and the Atom feed of public ones. Every document is parsed as XML; the
 * CAP ones are also validated against the OASIS schema in the shared data folder when it is there.
 */
@QuarkusTest
@Tag("external-db")
class CapAlertTest {

    static final String CAP = "application/cap+xml";
    static final String CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** The OASIS schema, read where the shared data lives; never copied into this repository. */
    static final Path XSD = Path.of("../shared/data/cap/CAP-v1.2.xsd");

    static final String SENT = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00";

    @BeforeEach
    void regions() {
        TestData.ensureRegions();
    }

    static Map<String, Object> warning(String region, String classification, int likelihood, int impact) {
        Map<String, Object> body = new HashMap<>(EarlyWarningResourceTest.warning(region, likelihood, impact));
        body.put("classification", classification);
        body.put("recommendedActions", "Patroli gabungan; dialog tokoh masyarakat");
        return body;
    }

    static String create(RequestSpecification as, Map<String, Object> body) {
        return as.body(body)
                .post("/api/v1/early-warnings")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A second person of the secretariat of Sumatera Barat: verifies and edits what coordinator("13") wrote. */
    static RequestSpecification editor() {
        return as("editor.13", List.of("COORDINATOR"), List.of("13"));
    }

    /**
     * Publishes a PUBLIC warning the way the four-eyes rule asks: a coordinator other than its author verifies it
     * (a confirmation of a warning that started verified by its source, PATROLI). Returns the new version.
     */
    static long publish(RequestSpecification verifier, String id, long version) {
        verifier.header("If-Match", "\"" + version + "\"")
                .body(Map.of("state", "TERVERIFIKASI", "method", "CEK_LAPANGAN"))
                .post("/api/v1/early-warnings/{id}/verification", id)
                .then()
                .statusCode(200)
                .body("published", org.hamcrest.Matchers.is(true));
        return version + 1;
    }

    static long publish(String id, long version) {
        return publish(editor(), id, version);
    }

    static void replace(RequestSpecification as, String id, long version, Map<String, Object> body) {
        as.header("If-Match", "\"" + version + "\"")
                .body(body)
                .put("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200);
    }

    static String capText(RequestSpecification as, String id) {
        byte[] body = as.accept(CAP)
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .contentType(startsWith(CAP))
                .extract()
                .asByteArray();
        return new String(body, StandardCharsets.UTF_8);
    }

    static Document cap(RequestSpecification as, String id) {
        return parse(capText(as, id));
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The text of the first CAP element of that name, or null when there is none. */
    static String cap(Document alert, String name) {
        NodeList nodes = alert.getElementsByTagNameNS(CAP_NS, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    /** The value of the first {@code parameter}/{@code geocode}/{@code eventCode} with that valueName. */
    static String valueOf(Document alert, String element, String valueName) {
        NodeList nodes = alert.getElementsByTagNameNS(CAP_NS, element);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (valueName.equals(
                    e.getElementsByTagNameNS(CAP_NS, "valueName").item(0).getTextContent())) {
                return e.getElementsByTagNameNS(CAP_NS, "value").item(0).getTextContent();
            }
        }
        return null;
    }

    static String reference(Document alert) {
        return cap(alert, "sender") + "," + cap(alert, "identifier") + "," + cap(alert, "sent");
    }

    @Test
    void firstVersionIsAnAlertAndAChangeIsAnUpdateReferencingIt() {
        String id = create(coordinator("13"), warning("13.77", "PUBLIC", 4, 3));
        publish(id, 0);
        Document first = cap(coordinator("13"), id);
        assertThat(first.getDocumentElement().getLocalName()).isEqualTo("alert");
        assertThat(first.getDocumentElement().getNamespaceURI()).isEqualTo(CAP_NS);
        assertThat(cap(first, "identifier")).isEqualTo("urn:terpadu:early-warning:" + id + ":1");
        assertThat(cap(first, "sender")).isEqualTo("terpadu@kemendagri.go.id");
        assertThat(cap(first, "sent")).matches(SENT);
        assertThat(cap(first, "status")).isEqualTo("Actual");
        assertThat(cap(first, "msgType")).isEqualTo("Alert");
        assertThat(cap(first, "references")).isNull();
        assertThat(cap(first, "scope")).isEqualTo("Public");
        assertThat(cap(first, "restriction")).isNull();
        assertThat(cap(first, "language")).isEqualTo("id-ID");
        assertThat(cap(first, "category")).isEqualTo("Security");
        assertThat(cap(first, "event")).isEqualTo("Potensi konflik sosial: Pemilihan kepala daerah");
        assertThat(cap(first, "responseType")).isEqualTo("Monitor");
        // risk 4 x 3 = 12 SEDANG
        assertThat(cap(first, "urgency")).isEqualTo("Expected");
        assertThat(cap(first, "severity")).isEqualTo("Moderate");
        assertThat(cap(first, "certainty")).isEqualTo("Likely");
        assertThat(valueOf(first, "eventCode", "TERPADU_KATEGORI_KONFLIK")).isEqualTo("POLITIK_PILKADA");
        assertThat(cap(first, "headline")).isEqualTo("Ketegangan antarpendukung paslon");
        assertThat(cap(first, "description"))
                .contains("- Ujaran kebencian di grup WhatsApp")
                .contains("kemungkinan 4 × dampak 3 = skor 12 (SEDANG)");
        assertThat(cap(first, "instruction")).isEqualTo("Patroli gabungan; dialog tokoh masyarakat");
        assertThat(valueOf(first, "parameter", "TERPADU_TINGKAT_RISIKO")).isEqualTo("SEDANG");
        assertThat(cap(first, "areaDesc")).isEqualTo("Kota Pariaman, Sumatera Barat");
        assertThat(valueOf(first, "geocode", "KODE_WILAYAH_KEMENDAGRI")).isEqualTo("13.77");
        // An early warning has no coordinates: no circle is made up.
        assertThat(cap(first, "circle")).isNull();
        assertThat(cap(first, "polygon")).isNull();

        Map<String, Object> monitored = warning("13.77", "PUBLIC", 5, 5);
        monitored.put("status", "DIPANTAU");
        // changed by another person than the author: published still
        replace(editor(), id, 1, monitored);
        Document second = cap(coordinator("13"), id);
        assertThat(cap(second, "identifier")).isEqualTo("urn:terpadu:early-warning:" + id + ":2");
        assertThat(cap(second, "msgType")).isEqualTo("Update");
        assertThat(cap(second, "references")).isEqualTo(reference(first));
        assertThat(cap(second, "sent")).matches(SENT).isGreaterThanOrEqualTo(cap(first, "sent"));
        assertThat(cap(second, "urgency")).isEqualTo("Immediate");
        assertThat(cap(second, "severity")).isEqualTo("Extreme");

        // A replacement that changes nothing is no new version, and no new message.
        String secondText = capText(coordinator("13"), id);
        replace(editor(), id, 2, monitored);
        assertThat(capText(coordinator("13"), id)).isEqualTo(secondText);

        monitored.put("likelihood", 2);
        replace(editor(), id, 2, monitored);
        Document third = cap(coordinator("13"), id);
        assertThat(cap(third, "identifier")).isEqualTo("urn:terpadu:early-warning:" + id + ":3");
        assertThat(cap(third, "certainty")).isEqualTo("Possible");
        assertThat(cap(third, "msgType")).isEqualTo("Update");
        assertThat(cap(third, "references")).isEqualTo(reference(first) + " " + reference(second));
    }

    @Test
    void subsidedOrEscalatedWarningsCancelTheirAlerts() {
        String id = create(coordinator("13"), warning("13.71", "PUBLIC", 2, 2));
        publish(id, 0);
        Document alert = cap(coordinator("13"), id);
        Map<String, Object> subsided = warning("13.71", "PUBLIC", 2, 2);
        subsided.put("status", "REDA");
        replace(coordinator("13"), id, 1, subsided);
        Document cancel = cap(coordinator("13"), id);
        assertThat(cap(cancel, "msgType")).isEqualTo("Cancel");
        assertThat(cap(cancel, "references")).isEqualTo(reference(alert));
        assertThat(cap(cancel, "note")).contains("mereda");
        assertThat(cap(cancel, "urgency")).isEqualTo("Past");
        assertThat(cap(cancel, "responseType")).isEqualTo("AllClear");

        // It stirs again: receivers that dropped the cancelled alert hear of it anew.
        Map<String, Object> again = warning("13.71", "PUBLIC", 4, 4);
        again.put("status", "DIPANTAU");
        replace(editor(), id, 2, again);
        Document reopened = cap(coordinator("13"), id);
        assertThat(cap(reopened, "msgType")).isEqualTo("Alert");
        assertThat(cap(reopened, "references")).isEqualTo(reference(alert) + " " + reference(cancel));
        assertThat(cap(reopened, "note")).isNull();

        String escalated = create(coordinator("13"), warning("13.77", "PUBLIC", 5, 4));
        publish(escalated, 0);
        Document before = cap(coordinator("13"), escalated);
        coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 4))
                .post("/api/v1/early-warnings/{id}/escalate", escalated)
                .then()
                .statusCode(201);
        Document closed = cap(coordinator("13"), escalated);
        assertThat(cap(closed, "msgType")).isEqualTo("Cancel");
        assertThat(cap(closed, "references")).isEqualTo(reference(before));
        assertThat(cap(closed, "note")).contains("dieskalasi").contains("bukan pernyataan aman");
        assertThat(cap(closed, "responseType")).isNull();
        assertThat(valueOf(closed, "parameter", "TERPADU_STATUS")).isEqualTo("ESKALASI");
    }

    @Test
    void scopeFollowsClassification() {
        Document open = cap(coordinator("13"), create(coordinator("13"), warning("13.77", "PUBLIC", 1, 1)));
        assertThat(cap(open, "scope")).isEqualTo("Public");
        assertThat(cap(open, "restriction")).isNull();

        Document restricted = cap(coordinator("13"), create(coordinator("13"), warning("13.77", "RESTRICTED", 1, 1)));
        assertThat(cap(restricted, "scope")).isEqualTo("Restricted");
        assertThat(cap(restricted, "restriction")).startsWith("TERBATAS");
        assertThat(cap(restricted, "addresses")).isNull();

        UUID binda = TestData.createAgency(TestData.unique("Binda Sumatera Barat"), "BIN", "13");
        RequestSpecification bin = as("binda.13", List.of("OFFICER"), List.of("13"), binda);
        Map<String, Object> secret = warning("13.77", "CONFIDENTIAL", 3, 4);
        secret.put("sourceKind", "INTELIJEN");
        String secretId = create(bin, secret);
        Document confidential = cap(as("binda.13", List.of("OFFICER"), List.of("13"), binda), secretId);
        assertThat(cap(confidential, "scope")).isEqualTo("Restricted");
        assertThat(cap(confidential, "restriction")).startsWith("RAHASIA").contains("CONFIDENTIAL");
    }

    @Test
    void capFollowsTheRulesOfTheJsonGet() {
        String id = create(coordinator("13"), warning("13.77", "PUBLIC", 3, 3));
        // outside the caller's region scope
        coordinator("33")
                .accept(CAP)
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:terpadu:problem:not-found"));
        coordinator("13")
                .accept(CAP)
                .get("/api/v1/early-warnings/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().accept(CAP)
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        // above the caller's clearance
        UUID binda = TestData.createAgency(TestData.unique("Binda Jawa Tengah"), "BIN", "33");
        Map<String, Object> secret = warning("33.07", "CONFIDENTIAL", 3, 4);
        secret.put("sourceKind", "INTELIJEN");
        String secretId = create(as("binda.33", List.of("OFFICER"), List.of("33"), binda), secret);
        coordinator("33")
                .accept(CAP)
                .get("/api/v1/early-warnings/{id}", secretId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as("integration", List.of("INTEGRATION"), List.of())
                .accept(CAP)
                .get("/api/v1/early-warnings/{id}", secretId)
                .then()
                .statusCode(404);
        // other formats: JSON by default, 406 for what the address cannot produce
        coordinator("13")
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("id", equalTo(id));
        coordinator("13")
                .accept("*/*")
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .contentType("application/json");
        for (String format : List.of("text/csv", "application/xml")) {
            coordinator("13")
                    .accept(format)
                    .get("/api/v1/early-warnings/{id}", id)
                    .then()
                    .statusCode(406)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:terpadu:problem:not-acceptable"));
        }
        // its own ETag, distinct from the JSON one; If-None-Match gives 304
        var response = coordinator("13")
                .accept(CAP)
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(200)
                .extract();
        assertThat(response.header("ETag")).isNotBlank().isNotEqualTo("\"0\"");
        coordinator("13")
                .accept(CAP)
                .header("If-None-Match", response.header("ETag"))
                .get("/api/v1/early-warnings/{id}", id)
                .then()
                .statusCode(304);
    }

    @Test
    void textIsEscaped() {
        Map<String, Object> body = warning("13.77", "PUBLIC", 2, 3);
        String title = "Bentrok \"pendukung\" & <massa> di Desa Sukamaju — ‘Pilkades’ ricuh";
        String description =
                "Warga berkata: \"Kami menolak!\" & <script>alert('x')</script> ]]> lalu\u0007bel berbunyi";
        String indicator = "Spanduk 'Tolak' & \"Usir\" dipasang di balai desa";
        String actions = "Dialog tokoh adat & agama; hindari <provokasi> di masjid & gereja";
        body.put("title", title);
        body.put("description", description);
        body.put("indicators", List.of(indicator));
        body.put("recommendedActions", actions);
        String id = create(coordinator("13"), body);
        publish(id, 0);
        String xml = capText(coordinator("13"), id);
        assertThat(xml)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("&amp; &lt;massa&gt;")
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .doesNotContain("]]>")
                .doesNotContain("\u0007");
        Document alert = parse(xml);
        assertThat(cap(alert, "headline")).isEqualTo(title);
        assertThat(cap(alert, "description"))
                .startsWith(description.replace('\u0007', '\uFFFD'))
                .contains("- " + indicator);
        assertThat(cap(alert, "instruction")).isEqualTo(actions);

        String feed = feedText(coordinator("13"));
        assertThat(feed).contains("Bentrok \"pendukung\" &amp; &lt;massa&gt; di Desa Sukamaju — ‘Pilkades’ ricuh");
        assertThat(entries(parse(feed)).stream().map(e -> atom(e, "title"))).contains(title);
    }

    @Test
    void everyRenderedAlertIsValidCap12() throws Exception {
        Assumptions.assumeTrue(
                Files.exists(XSD),
                "The OASIS CAP 1.2 schema is not at " + XSD.toAbsolutePath()
                        + " (the shared data folder is absent): schema validation skipped");
        var validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(XSD.toFile())
                .newValidator();
        List<String> documents = new ArrayList<>();
        String id = create(coordinator("13"), warning("13.77", "PUBLIC", 4, 5));
        documents.add(capText(coordinator("13"), id));
        Map<String, Object> changed = warning("13.77", "PUBLIC", 4, 5);
        changed.put("status", "DITANGANI");
        replace(coordinator("13"), id, 0, changed);
        documents.add(capText(coordinator("13"), id));
        changed.put("status", "REDA");
        replace(coordinator("13"), id, 1, changed);
        documents.add(capText(coordinator("13"), id));
        Map<String, Object> special = warning("13", "RESTRICTED", 1, 1);
        special.put("title", "Sengketa \"tapal batas\" & <klaim> ‘adat’ — Nagari");
        special.put("description", "Baris satu\nbaris dua\u0001 & ]]>");
        special.put("indicators", List.of());
        special.remove("recommendedActions");
        documents.add(capText(coordinator("13"), create(coordinator("13"), special)));
        String escalated = create(coordinator("13"), warning("13.77", "RESTRICTED", 5, 5));
        coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 5))
                .post("/api/v1/early-warnings/{id}/escalate", escalated)
                .then()
                .statusCode(201);
        documents.add(capText(coordinator("13"), escalated));
        documents.add(JsonPath.from(OpenApi.served().toString())
                .getString("paths.'/api/v1/early-warnings/{id}'.get.responses.'200'.content."
                        + "'application/cap+xml'.examples.cap.value"));
        for (String document : documents) {
            try {
                validator.validate(
                        new StreamSource(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8))));
            } catch (org.xml.sax.SAXException e) {
                throw new AssertionError("not valid CAP 1.2: " + e.getMessage() + "\n" + document, e);
            }
        }
    }

    static String feedText(RequestSpecification as) {
        byte[] body = as.accept("application/atom+xml")
                .get("/api/v1/alerts.atom")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .extract()
                .asByteArray();
        return new String(body, StandardCharsets.UTF_8);
    }

    static List<Element> entries(Document feed) {
        NodeList nodes = feed.getElementsByTagNameNS(ATOM_NS, "entry");
        List<Element> entries = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            entries.add((Element) nodes.item(i));
        }
        return entries;
    }

    static String atom(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(ATOM_NS, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    static String warningId(Element entry) {
        String urn = atom(entry, "id");
        assertThat(urn).startsWith("urn:terpadu:early-warning:");
        return urn.substring("urn:terpadu:early-warning:".length());
    }

    @Test
    void atomFeedHoldsTheCurrentPublicWarningsInScopeNewestFirst() {
        String older = create(coordinator("13"), warning("13.77", "PUBLIC", 3, 3));
        publish(older, 0);
        String newer = create(coordinator("13"), warning("13.71", "PUBLIC", 2, 4));
        publish(newer, 0);
        // saved, not yet verified by a second person: not public
        String unverified = create(coordinator("13"), warning("13.77", "PUBLIC", 3, 3));
        String restricted = create(coordinator("13"), warning("13.77", "RESTRICTED", 3, 3));
        String subsided = create(coordinator("13"), warning("13.77", "PUBLIC", 3, 3));
        publish(subsided, 0);
        Map<String, Object> reda = warning("13.77", "PUBLIC", 3, 3);
        reda.put("status", "REDA");
        replace(coordinator("13"), subsided, 1, reda);
        String escalated = create(coordinator("13"), warning("13.77", "PUBLIC", 5, 5));
        publish(escalated, 0);
        coordinator("13")
                .body(Map.of("occurredFrom", "2024-11-28T02:00:00Z", "severity", 4))
                .post("/api/v1/early-warnings/{id}/escalate", escalated)
                .then()
                .statusCode(201);
        String elsewhere = create(coordinator("33"), warning("33.07", "PUBLIC", 3, 3));
        publish(as("editor.33", List.of("COORDINATOR"), List.of("33")), elsewhere, 0);
        // the older one changes last, so it leads the feed
        Map<String, Object> watched = warning("13.77", "PUBLIC", 4, 3);
        watched.put("status", "DIPANTAU");
        replace(editor(), older, 1, watched);

        String text = feedText(coordinator("13"));
        Document feed = parse(text);
        Element root = feed.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM_NS);
        assertThat(atom(root, "id")).isEqualTo("urn:terpadu:early-warning-alerts");
        assertThat(atom(root, "title")).isNotBlank();
        assertThat(atom(root, "updated")).matches(SENT);
        List<Element> entries = entries(feed);
        assertThat(entries).isNotEmpty().hasSizeLessThanOrEqualTo(100);
        List<String> ids = entries.stream().map(CapAlertTest::warningId).toList();
        assertThat(ids).contains(older, newer).doesNotContain(unverified, restricted, subsided, escalated, elsewhere);
        assertThat(ids.indexOf(older)).isLessThan(ids.indexOf(newer));
        assertThat(ids.get(0)).isEqualTo(older);
        assertThat(atom(root, "updated")).isEqualTo(atom(entries.get(0), "updated"));
        for (String id : ids) {
            assertThat(Db.single(
                            "select classification || ' ' || status || ' ' || verification || ' ' || region_code "
                                    + "from early_warning "
                                    + "where id = ?::uuid",
                            id))
                    .matches("PUBLIC (TERIDENTIFIKASI|DIPANTAU|DITANGANI) TERVERIFIKASI 13(\\..*)?");
        }
        List<String> updated = entries.stream().map(e -> atom(e, "updated")).toList();
        assertThat(updated).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        Element first = entries.get(0);
        assertThat(atom(first, "title")).isEqualTo("Ketegangan antarpendukung paslon");
        assertThat(atom(first, "summary")).contains("SEDANG").contains("Kota Pariaman, Sumatera Barat");
        Element link = (Element) first.getElementsByTagNameNS(ATOM_NS, "link").item(0);
        assertThat(link.getAttribute("rel")).isEqualTo("alternate");
        assertThat(link.getAttribute("type")).isEqualTo(CAP);
        assertThat(link.getAttribute("href")).startsWith("http").endsWith("/api/v1/early-warnings/" + older);
        Document alert = parse(new String(
                coordinator("13")
                        .accept(CAP)
                        .get(link.getAttribute("href"))
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8));
        assertThat(cap(alert, "identifier")).isEqualTo("urn:terpadu:early-warning:" + older + ":2");

        // An integration script sees the same public alerts; nobody sees the feed without a token.
        assertThat(entries(parse(feedText(as("integration", List.of("INTEGRATION"), List.of())))).stream()
                        .map(CapAlertTest::warningId))
                .contains(older, newer, elsewhere)
                .doesNotContain(restricted, unverified);
        given().get("/api/v1/alerts.atom").then().statusCode(401).contentType("application/problem+json");
        coordinator("13")
                .accept("application/json")
                .get("/api/v1/alerts.atom")
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void atomFeedIsBoundedAndAnswersPolling() {
        for (int i = 0; i <= CapAlerts.FEED_SIZE; i++) {
            publish(
                    as("editor.19.04", List.of("COORDINATOR"), List.of("19.04")),
                    create(coordinator("19.04"), warning("19.04", "PUBLIC", 1 + i % 5, 1 + i / 5 % 5)),
                    0);
        }
        var response = coordinator("19.04")
                .accept("application/atom+xml")
                .get("/api/v1/alerts.atom")
                .then()
                .statusCode(200)
                .extract();
        assertThat(entries(parse(new String(response.asByteArray(), StandardCharsets.UTF_8))))
                .hasSize(CapAlerts.FEED_SIZE);
        coordinator("19.04")
                .header("If-None-Match", response.header("ETag"))
                .get("/api/v1/alerts.atom")
                .then()
                .statusCode(304);
    }

    @Test
    void mappingIsTheDocumentedTable() throws Exception {
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(CapMapping::certainty))
                .containsExactly("Unlikely", "Possible", "Possible", "Likely", "Likely");
        assertThat(List.of(1, 2, 3, 4, 5).stream().map(CapMapping::severity))
                .containsExactly("Minor", "Minor", "Moderate", "Severe", "Extreme");
        assertThat(List.of(RiskLevel.values()).stream().map(r -> CapMapping.urgency(r, WarningStatus.DIPANTAU)))
                .containsExactly("Future", "Expected", "Immediate");
        assertThat(CapMapping.urgency(RiskLevel.TINGGI, WarningStatus.REDA)).isEqualTo("Past");
        assertThat(CapMapping.urgency(RiskLevel.TINGGI, WarningStatus.ESKALASI)).isEqualTo("Past");
        assertThat(List.of(Classification.values()).stream().map(CapMapping::scope))
                .containsExactly("Public", "Restricted", "Restricted");
        assertThat(message(WarningStatus.TERIDENTIFIKASI, Verification.TERVERIFIKASI, true, false))
                .isEqualTo("Actual Alert");
        assertThat(message(WarningStatus.DIPANTAU, Verification.TERVERIFIKASI, true, true))
                .isEqualTo("Actual Update");
        assertThat(message(WarningStatus.DITANGANI, Verification.BELUM_DIVERIFIKASI, true, true))
                .isEqualTo("Actual Update");
        // after a Cancel nothing is live: receivers hear of it anew
        assertThat(message(WarningStatus.DIPANTAU, Verification.TERVERIFIKASI, true, false))
                .isEqualTo("Actual Alert");
        assertThat(message(WarningStatus.REDA, Verification.TERVERIFIKASI, true, true))
                .isEqualTo("Actual Cancel");
        assertThat(message(WarningStatus.REDA, Verification.TERVERIFIKASI, true, false))
                .isEqualTo("Actual Cancel");
        assertThat(message(WarningStatus.ESKALASI, Verification.TERVERIFIKASI, true, true))
                .isEqualTo("Actual Cancel");
        assertThat(message(WarningStatus.DIPANTAU, Verification.TIDAK_VALID, true, true))
                .isEqualTo("Actual Cancel");
        assertThat(message(WarningStatus.DIPANTAU, Verification.DUPLIKAT, true, true))
                .isEqualTo("Actual Cancel");
        assertThat(message(WarningStatus.DIPANTAU, Verification.BUKAN_WEWENANG, true, true))
                .isEqualTo("Actual Cancel");
        // a PUBLIC warning not published: a Draft sent to nobody, or the Cancel of what still stands
        assertThat(message(WarningStatus.TERIDENTIFIKASI, Verification.BELUM_DIVERIFIKASI, false, false))
                .isEqualTo("Draft Alert");
        assertThat(message(WarningStatus.TERIDENTIFIKASI, Verification.TIDAK_VALID, false, true))
                .isEqualTo("Actual Cancel");
        assertThat(message(WarningStatus.TERIDENTIFIKASI, Verification.TIDAK_VALID, false, false))
                .isEqualTo("Draft Alert");
        assertThat(Files.readString(Path.of("docs/integration.md"), StandardCharsets.UTF_8))
                .as("docs/integration.md shows the mapping table of CapMapping.TABLE")
                .contains(CapMapping.TABLE);
        assertThat(given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getString("paths.'/api/v1/early-warnings/{id}'.get.description"))
                .contains(CapMapping.TABLE);
    }

    /** The CAP status and msgType of a version: releasable (not PUBLIC, or published), after a live message or not. */
    private static String message(WarningStatus status, Verification verification, boolean releasable, boolean live) {
        CapAlerts.Message message = CapAlerts.message(new CapAlerts.Version(status, verification, releasable), live);
        return (message.sent() ? "Actual" : "Draft") + " " + message.msgType();
    }
}

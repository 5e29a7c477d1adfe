package id.terpadu.earlywarning;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes alerts as XML with the JDK's own StAX writer, which escapes text and attributes. Characters XML 1.0
 * cannot carry at all (control characters, lone surrogates) become U+FFFD, so any stored text gives a well-formed
 * document.
 */
final class AlertXml {

    static final String ATOM = "application/atom+xml";
    static final String ATOM_NAMESPACE = "http://www.w3.org/2005/Atom";
    /** The feed's id: one feed, whose entries each caller sees within its region scope. */
    static final String FEED_ID = "urn:terpadu:early-warning-alerts";

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private AlertXml() {}

    /** The alert as a CAP 1.2 document (UTF-8). */
    static byte[] cap(CapAlert alert) {
        Writer xml = new Writer();
        xml.open("alert")
                .namespace(CapAlert.NAMESPACE)
                .leaf("identifier", alert.identifier())
                .leaf("sender", alert.sender())
                .leaf("sent", CapAlert.time(alert.sent()))
                .leaf("status", alert.status())
                .leaf("msgType", alert.msgType())
                .leaf("scope", alert.scope())
                .leaf("restriction", alert.restriction())
                .leaf("note", alert.note());
        if (!alert.references().isEmpty()) {
            xml.leaf(
                    "references",
                    String.join(
                            " ",
                            alert.references().stream()
                                    .map(CapAlert.Reference::text)
                                    .toList()));
        }
        CapAlert.Info info = alert.info();
        xml.open("info")
                .leaf("language", CapMapping.LANGUAGE)
                .leaf("category", CapMapping.CATEGORY)
                .leaf("event", info.event())
                .leaf("responseType", info.responseType())
                .leaf("urgency", info.urgency())
                .leaf("severity", info.severity())
                .leaf("certainty", info.certainty())
                .open("eventCode")
                .leaf("valueName", CapMapping.EVENT_CODE)
                .leaf("value", info.categoryCode())
                .close()
                .leaf("expires", info.expires() == null ? null : CapAlert.time(info.expires()))
                .leaf("senderName", info.senderName())
                .leaf("headline", info.headline())
                .leaf("description", info.description())
                .leaf("instruction", info.instruction());
        for (CapAlert.Parameter parameter : info.parameters()) {
            xml.open("parameter")
                    .leaf("valueName", parameter.valueName())
                    .leaf("value", parameter.value())
                    .close();
        }
        // The area is the warning's region, and where the sign was seen as a circle of radius 0 when it has a point.
        xml.open("area")
                .leaf("areaDesc", info.areaDesc())
                .leaf("circle", info.circle())
                .open("geocode")
                .leaf("valueName", CapMapping.GEOCODE)
                .leaf("value", info.regionCode())
                .close()
                .close();
        return xml.close().close().finish();
    }

    /**
     * The current public alerts as an Atom (RFC 4287) feed.
     *
     * @param self     the feed's own address
     * @param alertUri the address of a warning, where {@code Accept: application/cap+xml} gives its CAP alert
     * @param now      the feed's {@code updated} when it has no entries
     */
    static byte[] atom(
            List<CapAlerts.FeedEntry> entries, URI self, Function<UUID, URI> alertUri, String author, Instant now) {
        Writer xml = new Writer();
        xml.open("feed")
                .namespace(ATOM_NAMESPACE)
                .language("id")
                .leaf("id", FEED_ID)
                .leaf("title", "Peringatan dini konflik sosial")
                .leaf(
                        "subtitle",
                        "Peringatan dini berklasifikasi PUBLIC yang masih berlaku, perubahan terbaru lebih "
                                + "dulu, paling banyak " + CapAlerts.FEED_SIZE
                                + "; setiap entri menaut ke peringatan CAP 1.2.")
                .leaf(
                        "updated",
                        CapAlert.time(entries.isEmpty() ? now : entries.get(0).updated()))
                .empty("link", "rel", "self", "type", ATOM, "href", self.toString())
                .open("author")
                .leaf("name", author)
                .close()
                .leaf("generator", "Terpadu");
        for (CapAlerts.FeedEntry entry : entries) {
            xml.open("entry")
                    .leaf("id", CapAlert.warningUrn(entry.id()))
                    .leaf("title", entry.title())
                    .leaf("updated", CapAlert.time(entry.updated()))
                    .leaf("published", CapAlert.time(entry.published()))
                    .leaf("summary", entry.summary())
                    .empty("category", "term", entry.categoryCode(), "label", entry.categoryLabel())
                    .empty(
                            "link",
                            "rel",
                            "alternate",
                            "type",
                            CapAlert.MEDIA_TYPE,
                            "href",
                            alertUri.apply(entry.id()).toString())
                    .close();
        }
        return xml.close().finish();
    }

    /** Replaces what XML 1.0 cannot carry (control characters but tab, LF and CR; lone surrogates) with U+FFFD. */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            boolean allowed = c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || c >= 0x10000;
            if (!allowed && safe == null) {
                safe = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (safe != null) {
                if (allowed) {
                    safe.appendCodePoint(c);
                } else {
                    safe.append('\uFFFD');
                }
            }
            i += width;
        }
        return safe == null ? text : safe.toString();
    }

    /** A StAX writer that indents by element and leaves out elements without a value. */
    private static final class Writer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final XMLStreamWriter xml;
        private int depth;

        private interface Step {
            void run() throws XMLStreamException;
        }

        Writer() {
            try {
                xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            } catch (XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            write(() -> xml.writeStartDocument("UTF-8", "1.0"));
        }

        Writer open(String name) {
            return write(() -> {
                indent();
                xml.writeStartElement(name);
                depth++;
            });
        }

        Writer namespace(String uri) {
            return write(() -> xml.writeDefaultNamespace(uri));
        }

        Writer language(String tag) {
            return write(() -> xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", tag));
        }

        /** An element with text; nothing when the text is null. */
        Writer leaf(String name, String text) {
            return text == null
                    ? this
                    : write(() -> {
                        indent();
                        xml.writeStartElement(name);
                        xml.writeCharacters(xmlSafe(text));
                        xml.writeEndElement();
                    });
        }

        /** An empty element with attributes given as name, value pairs. */
        Writer empty(String name, String... attributes) {
            return write(() -> {
                indent();
                xml.writeEmptyElement(name);
                for (int i = 0; i < attributes.length; i += 2) {
                    xml.writeAttribute(attributes[i], xmlSafe(attributes[i + 1]));
                }
            });
        }

        Writer close() {
            return write(() -> {
                depth--;
                indent();
                xml.writeEndElement();
            });
        }

        byte[] finish() {
            write(() -> {
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.close();
            });
            return bytes.toByteArray();
        }

        private void indent() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }

        private Writer write(Step step) {
            try {
                step.run();
                return this;
            } catch (XMLStreamException e) {
                throw new IllegalStateException("the alert cannot be written as XML", e);
            }
        }
    }
}

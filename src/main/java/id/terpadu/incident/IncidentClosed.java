package id.terpadu.incident;

import java.util.UUID;

/**
 * Fired, inside the closing transaction, when an incident moves to SELESAI: what hangs on the incident and stays open
 * (its tasks) is closed with it, each as a change of its own. {@code regionCode} is the incident's region, under which
 * those changes are logged. The closing's reason is not passed on: it stays with the incident.
 */
public record IncidentClosed(UUID incidentId, String regionCode) {}

package id.terpadu.incident;

/** Role of a party in an incident (reference kind {@code party-roles}). */
public enum PartyRole {
    PELAKU,
    KORBAN,
    PIHAK_BERKONFLIK,
    MEDIATOR
}

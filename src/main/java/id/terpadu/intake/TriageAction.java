package id.terpadu.intake;

/** What a team decides about a report in its queue, and the status each decision leads to. */
public enum TriageAction {
    ACCEPT_AS_INCIDENT(IntakeStatus.DIVERIFIKASI),
    ACCEPT_AS_WARNING(IntakeStatus.DIVERIFIKASI),
    REJECT(IntakeStatus.DITOLAK),
    FORWARD(IntakeStatus.DITERUSKAN),
    DUPLICATE(IntakeStatus.DUPLIKAT);

    private final IntakeStatus to;

    TriageAction(IntakeStatus to) {
        this.to = to;
    }

    public IntakeStatus to() {
        return to;
    }
}

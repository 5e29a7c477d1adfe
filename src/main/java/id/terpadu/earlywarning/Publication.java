package id.terpadu.earlywarning;

import id.terpadu.common.security.Classification;
import id.terpadu.verification.Verification;

/**
 * The one rule of when an early warning is published, i.e. released to the public as a CAP alert of scope Public: it
 * is PUBLIC and TERVERIFIKASI by someone other than its author; for risk TINGGI that someone is a COORDINATOR or ADMIN
 * whose scope covers the warning's region (a verifier's scope always does: verifying needs write access to the
 * region). A start as verified by the rule of the source is the author's own word and publishes nothing. A published
 * warning that subsided or escalated stays published: its CAP alert is the Cancel. The Atom feed lists the published
 * ones that neither subsided nor escalated ({@link #CURRENT}). {@link #published} and {@link #JPQL} say the same, one
 * in Java and one as a query condition over {@code e}.
 */
final class Publication {

    private Publication() {}

    static boolean published(EarlyWarning w) {
        return w.classification == Classification.PUBLIC
                && w.verification != null
                && w.verification.state == Verification.TERVERIFIKASI
                && w.verification.verifiedBy != null
                && !w.verification.verifiedBy.equals(w.createdBy)
                && (w.riskLevel != RiskLevel.TINGGI || w.verification.byCoordinator);
    }

    /** The same rule as a JPQL condition over the warning {@code e}. */
    static final String JPQL = "e.classification = " + Classification.class.getName() + ".PUBLIC"
            + " and e.verification.state = " + Verification.class.getName() + ".TERVERIFIKASI"
            + " and e.verification.verifiedBy <> e.createdBy"
            + " and (e.riskLevel <> " + RiskLevel.class.getName() + ".TINGGI or e.verification.byCoordinator = true)";

    /**
     * The published warnings that stand as public alerts (the Atom feed): neither subsided nor escalated. Written with
     * literals so that PostgreSQL can use the partial index {@code early_warning_public_current}.
     */
    static final String CURRENT = JPQL + " and e.status not in (" + WarningStatus.class.getName() + ".REDA, "
            + WarningStatus.class.getName() + ".ESKALASI)";
}

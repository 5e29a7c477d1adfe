package id.terpadu.verification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Where a record's verification stands, kept in the record's own row (its history is the record's change log): the
 * state, who set it, when, how and why. {@code byCoordinator} says whether the verifier was a COORDINATOR or ADMIN
 * whose scope covers the record, which a high-risk early warning needs before it is public.
 */
@Embeddable
public class Verified {

    @Enumerated(EnumType.STRING)
    @Column(name = "verification")
    public Verification state = Verification.BELUM_DIVERIFIKASI;

    @Enumerated(EnumType.STRING)
    @Column(name = "verification_method")
    public VerificationMethod method;

    @Column(name = "verification_note")
    public String note;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "verified_by_coordinator")
    public boolean byCoordinator;
}

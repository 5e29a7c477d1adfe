package id.terpadu.neutrality;

/** The body a recommendation goes to: KASN until its dissolution (2024), BKN after; police or Gakkumdu for a suspected election crime; the employing official (PPK) for the sanction. */
public enum Recipient {
    KASN,
    BKN,
    POLRI,
    GAKKUMDU,
    PPK
}

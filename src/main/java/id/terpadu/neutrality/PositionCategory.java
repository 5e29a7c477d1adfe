package id.terpadu.neutrality;

/** Position category of a civil servant (UU 20/2023), with lurah/camat apart as the figures report them. */
public enum PositionCategory {
    JPT,
    ADMINISTRATOR,
    FUNGSIONAL,
    PELAKSANA,
    LURAH_CAMAT,
    OTHER
}

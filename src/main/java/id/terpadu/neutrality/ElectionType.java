package id.terpadu.neutrality;

/** Pemilu (UU 7/2017) or Pilkada (UU 10/2016). */
public enum ElectionType {
    PEMILU,
    PILKADA
}

package id.terpadu.common.security;

import java.util.List;
import java.util.UUID;

import id.terpadu.common.error.ProblemMapper;

/**
 * What a person's account gives the caller, read at each request ({@link AccountAugmentor}): roles, agency, region
 * scope, and the account's id, name and preferred language.
 */
public record AccountRights(
        UUID id, String name, UUID agencyId, List<String> roles, List<String> regionScope, String language) {

    /** The attribute of the security identity that holds the rights. */
    static final String ATTRIBUTE = "terpadu.account";

    /** The attribute that holds why a token was refused (a {@code Message}): no account, or a deactivated one. */
    static final String REFUSAL = ProblemMapper.ACCOUNT_REFUSAL;
}

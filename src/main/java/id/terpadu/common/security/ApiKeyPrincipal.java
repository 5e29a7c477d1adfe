package id.terpadu.common.security;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller behind a valid API key: the key's id and prefix, agency, region scope, scopes and classification. */
public record ApiKeyPrincipal(
        UUID keyId,
        String prefix,
        UUID agencyId,
        List<String> regionScope,
        Set<ApiKeyScope> scopes,
        Classification classification)
        implements Principal {

    @Override
    public String getName() {
        return "api-key:" + prefix;
    }
}

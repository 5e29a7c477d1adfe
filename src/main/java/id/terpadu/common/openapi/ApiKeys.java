package id.terpadu.common.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import id.terpadu.common.security.ApiKeyAuthentication;
import id.terpadu.common.security.ApiKeyScope;
import id.terpadu.common.security.ApiKeyScopeFilter;
import id.terpadu.common.security.Role;

/**
 * API keys in the document: a security scheme {@code apiKey} (the {@code X-API-Key} header), offered as an
 * alternative to the bearer token on exactly the operations a key may call: those its scopes can open
 * ({@link ApiKeyScopeFilter#required}) and whose roles hold the role a key has there (INTEGRATION for reads, OFFICER
 * for the incident writes of {@code incidents:write}), or no role at all. Swagger UI then offers a key under Authorize: a key pasted as a
 * bearer token was a 401 that spoke of tokens, and a generated client learns which operations take a key.
 */
final class ApiKeys {

    static final String SCHEME = "apiKey";

    private ApiKeys() {}

    static void apply(OpenAPI openAPI) {
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER)
                                .name(ApiKeyAuthentication.HEADER)
                                .description("An API key of an integration script (POST /api/v1/api-keys), in "
                                        + ApiKeyAuthentication.HEADER + " (or `Authorization: ApiKey <key>`). It "
                                        + "calls the operations its scopes open, within its region scope and "
                                        + "classification; the operations that take one list it beside bearer."));
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                List<String> roles = bearerRoles(operation);
                ApiKeyScope scope = ApiKeyScopeFilter.required(entry.getKey().name(), path.getKey());
                if (roles == null || scope == null) {
                    continue;
                }
                String role = scope == ApiKeyScope.INCIDENTS_WRITE ? Role.OFFICER_ : Role.INTEGRATION_;
                // no roles listed: any caller with a credential (who am I)
                if (roles.isEmpty() || roles.contains(role)) {
                    operation.addSecurityRequirement(
                            OASFactory.createSecurityRequirement().addScheme(SCHEME));
                }
            }
        }
    }

    private static List<String> bearerRoles(Operation operation) {
        if (operation.getSecurity() == null) {
            return null;
        }
        for (SecurityRequirement requirement : operation.getSecurity()) {
            if (requirement.getSchemes() != null && requirement.getSchemes().containsKey("bearer")) {
                return requirement.getSchemes().get("bearer");
            }
        }
        return null;
    }
}

package id.terpadu.common.openapi;

import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.config.SmallRyeConfig;

import id.terpadu.common.security.OidcConfig;

/**
 * When an OpenID Connect issuer is allowed ({@code terpadu.oidc.issuers.*}), the served document offers its login
 * beside the bearer token: a security scheme {@code oidc} of type openIdConnect (the issuer's discovery document), as an
 * alternative on every operation that takes a token. Swagger UI then logs in with the authorization code flow and
 * PKCE as its public client ({@code quarkus.swagger-ui.oauth-*}). The issuer is
 * {@code terpadu.oidc.swagger-ui-issuer} (a name of the list), else the first by name. Without an issuer the document
 * stays as generated: development tokens, pasted into Authorize.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class IdentityProviderLogin implements OASFilter {

    public static final String SCHEME = "oidc";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        OidcConfig oidc = config.getConfigMapping(OidcConfig.class);
        Map<String, OidcConfig.Issuer> issuers = new TreeMap<>(oidc.issuers());
        if (issuers.isEmpty() || openAPI.getPaths() == null) {
            return;
        }
        String chosen = oidc.swaggerUiIssuer()
                .filter(issuers::containsKey)
                .orElse(issuers.keySet().iterator().next());
        String url = issuers.get(chosen).url();
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        SCHEME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.OPENIDCONNECT)
                                .openIdConnectUrl(
                                        (url.endsWith("/") ? url : url + "/") + ".well-known/openid-configuration")
                                .description("Log in at " + url + " (authorization code with PKCE). Your rights are "
                                        + "those of your account (/api/v1/accounts)."));
        SecurityRequirement login = OASFactory.createSecurityRequirement().addScheme(SCHEME);
        if (openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty()) {
            openAPI.addSecurityRequirement(login);
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getSecurity() != null
                        && operation.getSecurity().stream()
                                .anyMatch(r -> r.getSchemes() != null
                                        && !r.getSchemes().isEmpty())) {
                    operation.addSecurityRequirement(login);
                }
            }
        });
    }
}

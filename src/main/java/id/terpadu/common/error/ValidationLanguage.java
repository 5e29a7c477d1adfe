package id.terpadu.common.error;

import jakarta.inject.Singleton;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import io.quarkus.arc.Arc;
import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The validator words its messages in the language {@link Languages} picks from the request's
 * {@code Accept-Language}, as the rest of a problem document is: Quarkus's own choice matches the header against
 * {@code quarkus.locales} by another rule, and the two could differ for a header such as {@code *}. Outside a
 * request (a job, the start) it is the default, Indonesian.
 */
@Singleton
public class ValidationLanguage implements ValidatorFactoryCustomizer {

    private final CurrentVertxRequest request;

    ValidationLanguage(CurrentVertxRequest request) {
        this.request = request;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.localeResolver(context -> Languages.locale(Languages.pick(acceptLanguage())));
    }

    private String acceptLanguage() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext current = request.getCurrent();
        return current == null ? null : current.request().getHeader("Accept-Language");
    }
}

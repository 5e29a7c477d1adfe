package id.terpadu.common.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks a {@code POST}, {@code PUT} or {@code PATCH} resource method that honours {@code Idempotency-Key}: the method
 * must return a {@link jakarta.ws.rs.core.Response}. Every one of the API carries it but the tus {@code PATCH} of an
 * upload's piece, which {@code Upload-Offset} makes safe to repeat (a test checks).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Idempotent {}

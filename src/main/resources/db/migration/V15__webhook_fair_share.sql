-- Each subscription may have at most terpadu.webhooks.max-in-flight-per-subscription attempts in flight, so that a
-- receiver that hangs cannot take every attempt slot of an instance. The claim reads, per active subscription, its due
-- deliveries in order and counts those in flight (PENDING with an unexpired lease): both from this index.
create index webhook_delivery_pending on webhook_delivery (subscription_id, next_attempt_at) where status = 'PENDING';

-- One record's changes are delivered to a subscription in the order they were made: a delivery is due only when no
-- earlier change of the same record is still pending (queued, in flight or retrying) for the same subscription. This
-- index answers that question for each candidate the delivery worker looks at.
create index webhook_delivery_record_pending on webhook_delivery (subscription_id, entity_id, change_position)
    where status = 'PENDING';

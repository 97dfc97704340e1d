#!/bin/bash
# One-shot (compose service kafka-init): the contract topics with their real settings, before any Takedown process
# runs. A consumer that subscribed first would otherwise let the broker auto-create takedown.measures without
# compaction, and the application's own topic creation never changes an existing topic.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP:-kafka:9092}"
partitions="${TAKEDOWN_TOPIC_PARTITIONS:-3}"
replicas="${TAKEDOWN_TOPIC_REPLICATION_FACTOR:-1}"
topics=/opt/kafka/bin/kafka-topics.sh

create() {
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$1" \
      --partitions "$partitions" --replication-factor "$replicas" "${@:2}"
}

create takedown.notices.inbound
create takedown.notices.receipts
create takedown.aigc.unlabelled-outputs
create takedown.notice-events
create takedown.tasks
# the screening nodes rebuild their index from this topic: the latest record of every measure is kept forever;
# older ones only after 7 days, so a ledger consumer that was down for a while still reads every change
create takedown.measures --config cleanup.policy=compact --config min.compaction.lag.ms=604800000
create takedown.enforcement-results
create takedown.access-log
create takedown.screening-events
"$topics" --bootstrap-server "$bootstrap" --describe --topic 'takedown\..*' | grep -E '^Topic:' || true

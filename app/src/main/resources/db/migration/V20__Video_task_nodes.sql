-- Video tasks across gateways (issue 12 §4): a task's reservation lives in the memory of the node that took it, so
-- only that node settles or releases it while its heartbeat (plane_nodes) is fresh; when it is gone any node bills the
-- task with a plain charge. settling_since lets a task left in 'settling' by a crashed node be picked up again.
ALTER TABLE video_tasks ADD COLUMN node_id VARCHAR(64);
ALTER TABLE video_tasks ADD COLUMN settling_since TIMESTAMP WITH TIME ZONE;

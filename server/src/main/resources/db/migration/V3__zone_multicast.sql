-- A zone may also be multicast to a group (239.x.x.x:port) that third-party IP speakers join.
ALTER TABLE zone ADD COLUMN multicast VARCHAR(64);
-- Deliveries name the multicast group of a zone as 'multicast:<zone id>', longer than a node id.
ALTER TABLE delivery ALTER COLUMN node_id SET DATA TYPE VARCHAR(80);

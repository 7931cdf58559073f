-- The version of each live document whose text the file is known to hold (its last write-back).
-- A document whose op log is ahead of it lost its write-back to a crash: start-up writes it back
-- before the node reports ready. Existing rows start at 0, so the first start checks them all once.
alter table collab_documents add column written_version bigint not null default 0;

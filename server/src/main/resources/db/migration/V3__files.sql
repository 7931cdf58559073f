-- The files module's table. Contents live on disk as blobs named by their SHA-256
-- (<home>/blobs/<project>/<aa>/<sha256>), stored once per distinct content; a row records which
-- content a path had at each version. Project ids are held by value: no foreign key into projects.
create table file_versions (
    project_id uuid        not null,
    path       text        not null,
    version    bigint      not null check (version > 0),
    size       bigint      not null check (size >= 0),
    sha256     char(64)    not null,
    author_id  uuid,
    origin     text        not null check (origin in ('api', 'disk')),
    created_at timestamptz not null,
    primary key (project_id, path, version)
);

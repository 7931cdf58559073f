package dev.vaporform.collab.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

import dev.vaporform.files.ProjectFiles;

/**
 * What every document authority uses, bundled so an authority is cheap to create.
 *
 * @param fileIo where file reads, write-backs and text saves run (bounded, skipped at shutdown)
 */
record DocumentServices(OpLog opLog, Committer committer, CollabProperties properties, ProjectFiles files,
                        ScheduledExecutorService timers, Executor executor, ServerOpIds serverOps, ClusterBus bus,
                        FileIo fileIo) {}

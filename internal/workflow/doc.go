// Package workflow does what must never happen twice on Instagram, as plain
// Go that knows nothing of Terraform and reports every outcome as a typed
// error, which the provider turns into diagnostics. Its workflows:
//
//   - Publishing a post (publish*.go): quota check, containers (carousel
//     items concurrently, local video files through Meta's resumable
//     upload), waiting for processing, media_publish once, settling a lost
//     answer by reading the container and the account's newest posts.
//   - Writing and deleting a comment or a reply (comment*.go), settling a
//     lost answer by reading the thread.
//   - Moderating comments (moderate*.go): hide, show again or delete what a
//     sweep selects, within a bound, reporting what was done.
//   - Replying to a comment or an @mention (reply.go).
//   - Answering an invite to co-author another account's post
//     (collaboration.go): checked to be pending, within Meta's 50 a day.
//
// They share two rules:
//
//   - The duplicate guard (guard.go): before a post or a comment is written,
//     what an interrupted run may already have written is looked for; when
//     it exists and the caller does not hold it, the write stops with a
//     *DuplicateError naming it.
//   - Stopping (stop.go): a workflow stops as soon as ctx ends while what it
//     has done can be abandoned (*StoppedError: nothing irreversible was
//     done, or, for a sweep, what its report lists). An irreversible write is
//     sent only while ctx is live, and once sent it is finished and settled
//     under context.WithoutCancel(ctx), for a bounded time, so that what
//     happened on Instagram is always reported and can be recorded.
package workflow

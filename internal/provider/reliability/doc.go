// Package reliability holds the provider's end-to-end measurements with the
// real Terraform CLI against the emulator, the provider running as its own
// process as it does for users: BenchmarkPlan (make bench), the CPU and
// memory of plans, imports and queries over many instagram_media next to a
// minimal framework provider and instagram_media's schema floor;
// BenchmarkRefresh, the Graph calls a refresh makes; and
// TestAccProviderLogs_onlyWhenAsked, the provider's log output with and
// without a log level.
package reliability

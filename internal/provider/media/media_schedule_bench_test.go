package media_test

import (
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// BenchmarkScheduledVideoDelay measures how late a scheduled reel goes out
// when Instagram takes processingDelay to process its video: staged by a run
// before its time (the run at its time only publishes), or not (the run at
// its time creates, uploads and waits). Real time, the real CLI, the
// provider and the emulator on the wall clock; one run is enough
// (-benchtime 1x):
//
//	scripts/gotest.sh ./internal/provider/media -run '^$' -bench BenchmarkScheduledVideoDelay -benchtime 1x
func BenchmarkScheduledVideoDelay(b *testing.B) {
	const processingDelay = 8 * time.Second
	for _, staged := range []bool{false, true} {
		name := "not staged"
		if staged {
			name = "staged ahead"
		}
		b.Run(name, func(b *testing.B) {
			for range b.N {
				late := scheduledReelDelay(b, staged, processingDelay)
				b.ReportMetric(late.Seconds(), "s_late")
				b.Logf("%-12s | Instagram processes the video in %s | published %.1f s after publish_at", name, processingDelay, late.Seconds())
			}
		})
	}
}

// scheduledReelDelay schedules a reel and returns its timestamp minus its
// publish_at, as Instagram (the emulator) stamps it.
func scheduledReelDelay(b *testing.B, staged bool, processing time.Duration) time.Duration {
	env := acctest.New(b, emulator.Options{Now: time.Now, ProcessingDelay: processing})
	w := env.InProcessWorkdir(b)
	lead := 2 * processing
	publishAt := time.Now().Add(lead).Truncate(time.Second).Add(time.Second)
	if !staged {
		publishAt = time.Now().Truncate(time.Second) // the run is the first at its time
	}
	w.Write("main.tf", scheduledReel(publishAt.Format(time.RFC3339)))
	w.MustRun("apply", "-auto-approve", "-no-color") // staged: containers made and processed, nothing published
	if staged {
		time.Sleep(time.Until(publishAt))
		w.MustRun("apply", "-auto-approve", "-no-color")
	}
	ids := env.Emulator.MediaIDs(emulator.DefaultAccountID)
	if len(ids) != 1 {
		b.Fatalf("%d posts published, want 1", len(ids))
	}
	snap, _ := env.Emulator.Media(ids[0])
	return snap.Timestamp.Sub(publishAt)
}

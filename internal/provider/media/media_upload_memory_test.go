//go:build linux

package media_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

// The provider streams a video file from disk: while it uploads 200 MB, the
// provider process (the real binary under the real CLI) stays under 64 MB
// of resident memory. `make bench` runs this test and prints the number.
func TestAccMedia_uploadPeakMemory(t *testing.T) {
	acctest.SkipUnless(t)
	const size, limit = 200 << 20, 64 << 20
	env := acctest.New(t, emulator.Options{Now: time.Now})
	w := env.Workdir(t)
	file := filepath.Join(t.TempDir(), "keynote.mp4")
	writeVideo(t, file, 1024, 1)
	if err := os.Truncate(file, size); err != nil { // sparse: 200 MB that cost no disk
		t.Fatal(err)
	}
	w.Write("main.tf", fmt.Sprintf(`
resource "instagram_media" "keynote" {
  type       = "REELS"
  video_file = %q
}
`, file))
	out, peak, err := w.RunPeakRSS("terraform-provider-instagram", "apply", "-auto-approve", "-no-color")
	if err != nil {
		t.Fatal(err)
	}
	if got := env.Emulator.UploadBytesReceived(); got != size {
		t.Fatalf("the emulator received %d bytes, want %d:\n%s", got, size, out)
	}
	if peak == 0 {
		t.Fatal("no provider process was seen")
	}
	t.Logf("peak RSS (VmHWM) of the provider uploading a %d MB video: %.1f MB (limit %d MB)", size>>20, float64(peak)/(1<<20), limit>>20)
	if peak >= limit {
		t.Fatalf("the provider's peak RSS was %.1f MB, at or above %d MB", float64(peak)/(1<<20), limit>>20)
	}
}

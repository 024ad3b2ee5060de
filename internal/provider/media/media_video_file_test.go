package media_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/terraform-instagram/terraform-provider-instagram/internal/acctest"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/emulator"
)

const uploadRoute = "POST /ig-api-upload/{container-id}"

// writeVideo writes a tiny MP4: an ftyp box, then size-16 bytes of fill
// (fill tells files apart). It returns the path and the content's SHA-256.
func writeVideo(t *testing.T, path string, size int, fill byte) string {
	t.Helper()
	b := bytes.Repeat([]byte{fill}, size)
	copy(b, "\x00\x00\x00\x10ftypisom\x00\x00\x02\x00")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func videoFilesConfig(dir, storyFile string) string {
	return fmt.Sprintf(`
resource "instagram_media" "reel" {
  type       = "REELS"
  video_file = %q
  caption    = "Cut on the desk, uploaded from the repo"
}

resource "instagram_media" "story" {
  type       = "STORIES"
  video_file = %q
}

resource "instagram_media" "carousel" {
  type    = "CAROUSEL"
  caption = "One photo, one clip"
  children {
    image_url = "https://cdn.example.com/look.jpg"
  }
  children {
    video_file = %q
  }
}
`, filepath.Join(dir, "reel.mp4"), filepath.Join(dir, storyFile), filepath.Join(dir, "item.mov"))
}

// A reel, a story and a carousel video item published from local files:
// an unchanged file plans nothing, an edited one replaces its post, a
// moved one (same content) is updated in place.
func TestAccMedia_videoFiles(t *testing.T) {
	t.Parallel()
	env := acctest.New(t, emulator.Options{})
	dir := t.TempDir()
	reelHash := writeVideo(t, filepath.Join(dir, "reel.mp4"), 300<<10, 1)
	storyHash := writeVideo(t, filepath.Join(dir, "story.mp4"), 100<<10, 2)
	itemHash := writeVideo(t, filepath.Join(dir, "item.mov"), 200<<10, 3)
	var editedHash string
	var reelID string

	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{
			{
				Config: videoFilesConfig(dir, "story.mp4"),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CaptureID(reelAddr, &reelID),
					env.CheckMediaMatchesEmulator(reelAddr),
					env.CheckMediaMatchesEmulator(storyAddr),
					env.CheckMediaMatchesEmulator(carouselAddr),
					checkUploaded(env, reelAddr, -1, 300<<10),
					checkUploaded(env, storyAddr, -1, 100<<10),
					checkUploaded(env, carouselAddr, 1, 200<<10),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("video_file_hash"), knownvalue.StringExact(reelHash)),
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("VIDEO")),
					statecheck.ExpectKnownValue(storyAddr, tfjsonpath.New("video_file_hash"), knownvalue.StringExact(storyHash)),
					statecheck.ExpectKnownValue(storyAddr, tfjsonpath.New("media_type"), knownvalue.StringExact("VIDEO")),
					statecheck.ExpectKnownValue(storyAddr, tfjsonpath.New("media_product_type"), knownvalue.StringExact("STORY")),
					statecheck.ExpectKnownValue(carouselAddr, tfjsonpath.New("children").AtSliceIndex(1).AtMapKey("video_file_hash"), knownvalue.StringExact(itemHash)),
					statecheck.ExpectKnownValue(carouselAddr, tfjsonpath.New("children").AtSliceIndex(0).AtMapKey("video_file_hash"), knownvalue.Null()),
				},
				// Unchanged files: nothing to do.
				ConfigPlanChecks: acctest.NoDrift(),
			},
			{
				// The reel's file is edited in place: a new reel replaces the old
				// (republished: published first, the old one deleted after).
				PreConfig: func() { editedHash = writeVideo(t, filepath.Join(dir, "reel.mp4"), 300<<10, 9) },
				Config:    videoFilesConfig(dir, "story.mp4"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(reelAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue(reelAddr, tfjsonpath.New("id")), // republished
					plancheck.ExpectResourceAction(storyAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectResourceAction(carouselAddr, plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					env.CheckMediaGone(&reelID),
					env.CheckMediaCount(emulator.DefaultAccountID, 3),
				),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(reelAddr, tfjsonpath.New("video_file_hash"), knownvalue.StringFunc(func(v string) error {
						if v != editedHash {
							return fmt.Errorf("video_file_hash = %s, want the edited file's %s", v, editedHash)
						}
						return nil
					})),
				},
			},
			{
				// The story's file moves, unchanged: no new story.
				PreConfig: func() {
					if err := os.Rename(filepath.Join(dir, "story.mp4"), filepath.Join(dir, "story-final.mp4")); err != nil {
						t.Fatal(err)
					}
				},
				Config: videoFilesConfig(dir, "story-final.mp4"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(storyAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectResourceAction(reelAddr, plancheck.ResourceActionNoop),
					},
					PostApplyPostRefresh: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: env.CheckMediaCount(emulator.DefaultAccountID, 3),
			},
			{
				ResourceName:            reelAddr,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: []string{"deletion_policy", "video_file", "video_file_hash", "container_id"},
			},
		},
	})
}

// checkUploaded asserts that the post at address (item ≥ 0: its carousel
// item) was published from an upload of size bytes.
func checkUploaded(env *acctest.Env, address string, item int, size int64) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		m, ok := env.Emulator.Media(s.RootModule().Resources[address].Primary.ID)
		if ok && item >= 0 {
			m, ok = env.Emulator.Media(m.Children[item])
		}
		if !ok || m.UploadedBytes != size || m.VideoURL != "" {
			return fmt.Errorf("%s: published %+v, want an uploaded video of %d bytes", address, m, size)
		}
		return nil
	}
}

// An upload cut off mid-way resumes from the offset Meta reports: the
// emulator receives the file once, plus at most the chunk it did not keep.
func TestAccMedia_videoFileUploadResumes(t *testing.T) {
	t.Parallel()
	const size, chunk = 4 << 20, 64 << 10
	env := acctest.New(t, emulator.Options{UploadChunkSize: chunk})
	env.Emulator.InjectFault(emulator.Fault{Route: uploadRoute, DropAfterBytes: 2<<20 + 1000, Times: 1})
	file := filepath.Join(t.TempDir(), "long-take.mp4")
	writeVideo(t, file, size, 5)
	env.Test(t, resource.TestCase{
		CheckDestroy: env.CheckMediaDestroyed,
		Steps: []resource.TestStep{{
			Config: fmt.Sprintf(`
resource "instagram_media" "reel" {
  type       = "REELS"
  video_file = %q
}
`, file),
			Check: resource.ComposeAggregateTestCheckFunc(
				checkUploaded(env, reelAddr, -1, size),
				func(*terraform.State) error {
					got := env.Emulator.UploadBytesReceived()
					if got > size+chunk {
						return fmt.Errorf("the emulator received %d bytes for a %d-byte file: the upload started over", got, size)
					}
					if n := env.Emulator.CallCount(uploadRoute); n != 2 {
						return fmt.Errorf("%d upload requests, want the cut one and its resumption", n)
					}
					return nil
				},
			),
		}},
	})
}

// A missing, oversized or non-video file fails the plan before any API call.
func TestAccMedia_videoFilePlanChecks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := filepath.Join(dir, "good.mp4")
	writeVideo(t, good, 1024, 1)
	photo := filepath.Join(dir, "cover.jpg")
	if err := os.WriteFile(photo, []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), 0o600); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(dir, "notes.mp4")
	if err := os.WriteFile(text, []byte("these are notes, not a video\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Sparse files: their size costs no disk.
	sparse := func(name string, size int64) string {
		p := filepath.Join(dir, name)
		writeVideo(t, p, 1024, 1)
		if err := os.Truncate(p, size); err != nil {
			t.Fatal(err)
		}
		return p
	}
	hugeReel, hugeStory := sparse("huge-reel.mp4", 300<<20+1), sparse("huge-story.mp4", 100<<20+1)
	for _, tc := range []struct{ name, body, want string }{
		{"missing file", `type = "REELS"` + "\n  video_file = " + q(filepath.Join(dir, "nope.mp4")), `nope\.mp4 does not exist`},
		{"reel over 300 MB", `type = "REELS"` + "\n  video_file = " + q(hugeReel), `is 300\.0 MB; Instagram accepts at most 300\.0 MB for a reel`},
		{"story over 100 MB", `type = "STORIES"` + "\n  video_file = " + q(hugeStory), `is 100\.0 MB; Instagram accepts at most 100\.0 MB for a story`},
		{"not a video", `type = "REELS"` + "\n  video_file = " + q(text), `notes\.mp4 is not an MP4 or MOV file`},
		{"an image", `type = "STORIES"` + "\n  video_file = " + q(photo), `cover\.jpg is an image, and the Instagram API cannot upload images.*set image_url`},
		{"carousel item missing", `type = "CAROUSEL"` + "\n  children {\n    image_url = \"https://cdn.example.com/a.jpg\"\n  }\n  children {\n    video_file = " +
			q(filepath.Join(dir, "gone.mov")) + "\n  }", `Cannot upload this video file.*gone\.mov does not exist`},
		{"file and url", `type = "REELS"` + "\n  video_file = " + q(good) + "\n  video_url = \"https://cdn.example.com/v.mp4\"",
			`REELS sets video_url and video_file; set exactly one of video_url or video_file`},
		{"image from a file", `type = "IMAGE"` + "\n  video_file = " + q(good), `video_file cannot be set when type is "IMAGE"`},
		{"carousel item with two media", `type = "CAROUSEL"` + "\n  children {\n    image_url = \"https://cdn.example.com/a.jpg\"\n  }\n  children {\n    video_file = " +
			q(good) + "\n    video_url = \"https://cdn.example.com/v.mp4\"\n  }", `children\[1\] must set either image_url`},
	} {
		t.Run(tc.name, func(t *testing.T) { planFails(t, tc.body, tc.want) })
	}
}

func q(s string) string { return fmt.Sprintf("%q", s) }

// With Instagram login the plan warns that Meta documents uploads for
// Facebook login; the emulator follows the upload guide by default and
// refuses at apply, before anything is published.
func TestAccMedia_videoFileInstagramLogin(t *testing.T) {
	t.Parallel()
	file := filepath.Join(t.TempDir(), "clip.mp4")
	writeVideo(t, file, 2048, 1)
	config := fmt.Sprintf(`
resource "instagram_media" "reel" {
  type       = "REELS"
  video_file = %q
}
`, file)
	env := acctest.New(t, emulator.Options{}).InstagramLogin()
	env.ApplyError(t, config, `Cannot create the media container.*Resumable uploads are only available for apps that use Facebook Login`)
	if n := env.Emulator.CallCount(publishRoute); n != 0 {
		t.Fatalf("media_publish sent %d times", n)
	}

	// Where Meta accepts it (the reference's reading), the reel publishes.
	env = acctest.New(t, emulator.Options{ResumableUploadInstagramLogin: true}).InstagramLogin()
	env.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			Config: config,
			Check:  checkUploaded(env, reelAddr, -1, 2048),
		}},
	})
}

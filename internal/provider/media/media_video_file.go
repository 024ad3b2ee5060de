package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/terraform-instagram/terraform-provider-instagram/internal/provider/common"
)

// Local video files (video_file): checked and hashed at plan time
// (ModifyPlan) before any API call, so that a bad file fails the plan and an
// edited one replaces the post; uploaded by the workflow (Meta's resumable upload,
// https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads).

// maxVideoBytes is Meta's size limit for a video of kind (a `type` or
// itemVideo), from the media specifications of
// https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media:
// reels 300 MB, story videos 100 MB. Carousel videos follow the feed video
// specification, 100 MB (uncertain since feed videos became reels). Meta's
// MB are MiB, as its 8 MB image limit (error 2207004) shows.
func maxVideoBytes(kind string) int64 {
	if kind == mediaTypeReels {
		return 300 << 20
	}
	return 100 << 20
}

func videoKindName(kind string) string {
	switch kind {
	case mediaTypeReels:
		return "a reel"
	case mediaTypeStories:
		return "a story"
	}
	return "a carousel video"
}

// videoFileProblem says what Instagram would refuse about the file at name
// as a video of kind, or "": it must exist, be within the size limit and
// be an MP4 or MOV file. It reads the file's first bytes only.
func videoFileProblem(name, kind string) string {
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return missingFile(name)
	case err != nil:
		return fmt.Sprintf("Cannot read %s: %v.", name, err)
	case !info.Mode().IsRegular():
		return fmt.Sprintf("%s is not a regular file.", name)
	case info.Size() == 0:
		return fmt.Sprintf("%s is empty.", name)
	case info.Size() > maxVideoBytes(kind):
		return fmt.Sprintf("%s is %s; Instagram accepts at most %s for %s.", name, megabytes(info.Size()), megabytes(maxVideoBytes(kind)), videoKindName(kind))
	}
	f, err := os.Open(name)
	if err != nil {
		return fmt.Sprintf("Cannot read %s: %v.", name, err)
	}
	defer f.Close()
	head := make([]byte, 8)
	_, err = io.ReadFull(f, head)
	switch {
	case err == nil && isImage(head):
		return fmt.Sprintf("%s is an image, and the Instagram API cannot upload images (Meta's resumable upload takes videos only): "+
			"host it where Instagram can fetch it, e.g. a public bucket or CDN, and set image_url to its https URL.", name)
	case err != nil || !isMP4OrMOV(head):
		return fmt.Sprintf("%s is not an MP4 or MOV file: it does not start with an ISO base media (QuickTime) box such as ftyp. "+
			"Instagram accepts MP4 and MOV videos (H.264 or HEVC video, AAC audio).", name)
	}
	return ""
}

// missingFile says that name does not exist, and where it was looked for.
// A bare relative path ("clip.mp4", "videos/clip.mp4") starts in the
// directory Terraform runs in, which is rarely what was meant: the hint to
// use path.module is for those, not for paths that already start with it
// ("./clip.mp4" is what "${path.module}/clip.mp4" gives in the root module)
// or are absolute.
func missingFile(name string) string {
	msg := name + " does not exist"
	abs, err := filepath.Abs(name)
	if err != nil || abs == name {
		return msg + "."
	}
	msg += " (looked for at " + abs + ")."
	if strings.HasPrefix(name, "./") || strings.HasPrefix(name, "../") {
		return msg
	}
	return msg + " A relative path starts in the directory Terraform runs in: for a file next to the configuration, " +
		"write \"${path.module}/" + filepath.ToSlash(name) + "\"."
}

// isImage recognises JPEG and PNG files by their signature.
func isImage(head []byte) bool {
	return bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}) || bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n"))
}

// isMP4OrMOV recognises the start of an MP4 or MOV file: a box (4-byte
// size, 4-byte type) of type ftyp, or one of the boxes older QuickTime
// files start with.
func isMP4OrMOV(head []byte) bool {
	switch string(head[4:8]) {
	case "ftyp", "moov", "mdat", "wide", "free", "skip", "pnot":
		return true
	}
	return false
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// setVideoFileHashes checks the files of the post and of its carousel
// items (videoFileProblem) and sets their video_file_hash: null without a
// file, unknown while the path is.
func setVideoFileHashes(ctx context.Context, files *common.FileHashes, m *mediaModel) diag.Diagnostics {
	var diags diag.Diagnostics
	m.VideoFileHash = hashOf(files, m.VideoFile, m.Type.ValueString(), path.Root("video_file"), &diags)
	if m.Children.IsNull() || m.Children.IsUnknown() {
		return diags
	}
	var children []childModel
	if diags.Append(m.Children.ElementsAs(ctx, &children, false)...); diags.HasError() {
		return diags
	}
	for i := range children {
		children[i].VideoFileHash = hashOf(files, children[i].VideoFile, itemVideo, path.Root("children").AtListIndex(i).AtName("video_file"), &diags)
	}
	list, d := types.ListValueFrom(ctx, m.Children.ElementType(ctx), children)
	diags.Append(d...)
	m.Children = list
	return diags
}

func hashOf(files *common.FileHashes, file types.String, kind string, at path.Path, diags *diag.Diagnostics) types.String {
	switch {
	case file.IsNull():
		return types.StringNull()
	case file.IsUnknown():
		return types.StringUnknown()
	}
	if problem := videoFileProblem(file.ValueString(), kind); problem != "" {
		diags.AddAttributeError(at, "Cannot upload this video file", problem)
		return types.StringUnknown()
	}
	sum, err := files.SHA256(file.ValueString())
	if err != nil {
		diags.AddAttributeError(at, "Cannot read the video file", err.Error())
		return types.StringUnknown()
	}
	return types.StringValue(sum)
}

// videoFilesAsPlanned re-hashes the files of a planned post, right before
// publishing it: a file edited since the plan would publish something
// nobody reviewed. Hashes the plan could not know yet are filled in.
func videoFilesAsPlanned(ctx context.Context, files *common.FileHashes, planned *mediaModel) diag.Diagnostics {
	now := *planned
	diags := setVideoFileHashes(ctx, files, &now)
	if diags.HasError() {
		return diags
	}
	changed := changedHash(planned.VideoFileHash, now.VideoFileHash)
	before, after := childHashes(ctx, planned.Children), childHashes(ctx, now.Children)
	for i := range min(len(before), len(after)) {
		changed = changed || changedHash(before[i], after[i])
	}
	if changed {
		diags.AddError("A video file changed after the plan",
			"The content of a video_file differs from what the plan hashed (video_file_hash), so what would be published is not "+
				"what the plan showed. Nothing was published; plan again.")
		return diags
	}
	planned.VideoFileHash, planned.Children = now.VideoFileHash, now.Children
	return diags
}

// changedHash: the planned hash is known and the file's is another.
func changedHash(planned, now types.String) bool {
	return !planned.IsUnknown() && !planned.Equal(now)
}

func childHashes(ctx context.Context, list types.List) []types.String {
	var children []childModel
	if list.IsNull() || list.IsUnknown() || list.ElementsAs(ctx, &children, false).HasError() {
		return nil
	}
	out := make([]types.String, len(children))
	for i, c := range children {
		out[i] = c.VideoFileHash
	}
	return out
}

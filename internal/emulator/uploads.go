package emulator

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
)

// Resumable video uploads
// (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads):
// POST /{ig-user-id}/media with upload_type=resumable answers the container
// id and an upload uri on Meta's upload host, rupload.facebook.com; the
// client POSTs the video's bytes there with "Authorization: OAuth <token>",
// "offset" (the first byte sent) and "file_size" headers, or a "file_url"
// header and no body to have Meta fetch it. The emulator serves that host
// under UploadPrefix on its own address.

// UploadPrefix is the path of the upload host's endpoint,
// /ig-api-upload[/{version}]/{container-id}.
const UploadPrefix = "/ig-api-upload"

// uploadReadSize is how much of an upload body is read (and committed) at a time.
const uploadReadSize = 64 << 10

// maxUploadBytes: Meta's size limits per container kind, from the media
// specifications of the IG User Media reference
// (https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media):
// reels 300 MB, story videos 100 MB. Carousel videos follow the video
// specification of feed videos, 100 MB (uncertain since feed videos became
// reels).
var maxUploadBytes = map[string]int64{containerReels: 300 << 20, containerStories: 100 << 20, containerVideo: 100 << 20}

// upload is a resumable container's video as it arrives.
type upload struct {
	fileSize int64  // from the file_size header; 0 until the first POST
	kept     int64  // bytes received from offset 0 on: what uploading_phase reports
	head     []byte // the file's first bytes, for its signature
	fileURL  string // Meta fetches the video from here instead (file_url header)
}

func (u *upload) complete() bool { return u.fileURL != "" || (u.fileSize > 0 && u.kept >= u.fileSize) }

// signatureBytes is how much of the file's start videoSignature needs.
const signatureBytes = 12

// videoSignature reports whether a file starts like an MP4 or MOV file: an
// ISO base media (QuickTime) box of type ftyp, or one of the boxes older
// QuickTime files start with.
func videoSignature(head []byte) bool {
	if len(head) < 8 {
		return false
	}
	switch string(head[4:8]) {
	case "ftyp", "moov", "mdat", "wide", "free", "skip", "pnot":
		return true
	}
	return false
}

// readUploadType reads upload_type at container creation (a row of
// containerParams).
func (s *Server) readUploadType(req *request, c *container, v string) *apiError {
	if v != "resumable" {
		return errParam("Param upload_type must be one of {resumable}")
	}
	if c.kind != containerReels && c.kind != containerStories && c.kind != containerVideo {
		// Images have no upload path: Meta fetches them from image_url.
		return errParam("upload_type=resumable is only supported for REELS, STORIES and VIDEO (carousel item) containers")
	}
	if req.tok.kind == tokenInstagram && !s.opts.ResumableUploadInstagramLogin {
		// The guide restricts uploads to Facebook login; the error Meta
		// answers an Instagram-login app is not documented (uncertain).
		return errParam("Resumable uploads are only available for apps that use Facebook Login for Business")
	}
	if c.videoURL != "" {
		return errParam("video_url cannot be used with upload_type=resumable") // undocumented combination (uncertain)
	}
	c.upload = &upload{}
	return nil
}

// videoStatus is the container's video_status field: uploading_phase and
// processing_phase, as Facebook reels report them (shape uncertain for IG
// containers). nil for images and carousels.
func (c *container) videoStatus(code string) map[string]any {
	if !c.isVideo() {
		return nil
	}
	uploading := map[string]any{"status": "complete"}
	if u := c.upload; u != nil {
		uploading["bytes_transferred"] = u.kept
		switch {
		case !u.complete() && u.kept == 0:
			uploading["status"] = "not_started"
		case !u.complete():
			uploading["status"] = "in_progress"
		}
	}
	processing := map[string]any{"status": "not_started"}
	switch {
	case code == "ERROR":
		processing["status"] = "error"
	case code == "FINISHED" || code == "PUBLISHED":
		processing["status"] = "complete"
	case uploading["status"] == "complete":
		processing["status"] = "in_progress"
	}
	return map[string]any{"uploading_phase": uploading, "processing_phase": processing}
}

// uploadRequest is one request to the upload host.
type uploadRequest struct {
	*request
	w           http.ResponseWriter
	containerID string
	fault       *Fault
}

// serveUpload counts an upload-host request under its route key (routes.go),
// applies the first matching fault (Latency, DropBeforeCommit, Error,
// DropAfterBytes, DropAfterCommit; not HoldAfterCommit) and runs it.
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	segs := strings.Split(strings.Trim(strings.TrimPrefix(r.URL.Path, UploadPrefix), "/"), "/")
	req := &request{r: r, method: r.Method, version: DefaultAPIVersion, params: r.URL.Query()}
	if len(segs) == 2 && versionRe.MatchString(segs[0]) {
		req.version, segs = segs[0], segs[1:]
	}
	// The guide documents the OAuth scheme only.
	if scheme, tok, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " "); strings.EqualFold(scheme, "OAuth") {
		req.token = strings.TrimSpace(tok)
	}
	req.tokenURL = req.params.Has("access_token")
	handle := uploadRouteFor(r.Method)

	req.route = routeKeyOf(r.Method, kindUpload)
	f, ok := s.admit(req)
	if !ok {
		return
	}
	s.logf("emulator: %s %s (%s)", r.Method, r.URL.Path, req.route)
	switch {
	case f.DropBeforeCommit:
		dropConnection(w)
	case f.answersError():
		e := f.apiError()
		writeJSON(w, e.status, e.envelope(req.trace))
	case len(segs) != 1 || segs[0] == "" || handle == nil:
		writeUploadError(w, http.StatusBadRequest, "ParameterValidationError", "Unknown upload path or method")
	default:
		handle(s, &uploadRequest{request: req, w: w, containerID: segs[0], fault: f})
	}
}

// writeUploadError answers in the upload host's error shape,
// {"debug_info": {"retriable", "type", "message"}}, as Facebook's rupload
// host does (https://developers.facebook.com/docs/video-api/guides/reels-publishing).
// The emulator's upload errors are all final (retriable false): a dropped
// connection is how it tests resuming.
func writeUploadError(w http.ResponseWriter, status int, typ, msg string) {
	writeJSON(w, status, map[string]any{"debug_info": map[string]any{"retriable": false, "type": typ, "message": msg}})
}

// uploadTarget authenticates an upload request and finds its container.
// Called with s.mu held.
func (s *Server) uploadTarget(req *uploadRequest) (*upload, *container, bool) {
	tok := s.st.tokens[req.token]
	if tok == nil || s.checkExpiry(tok) != nil {
		writeUploadError(req.w, http.StatusUnauthorized, "AuthorizationError", "Invalid OAuth access token.")
		return nil, nil, false
	}
	c := s.st.containers[req.containerID]
	if c == nil || c.upload == nil || !tok.reaches(c.accountID) {
		writeUploadError(req.w, http.StatusBadRequest, "ProcessingFailedError", "No upload session for media "+req.containerID)
		return nil, nil, false
	}
	if code, _ := s.status(c, false); code == "EXPIRED" || code == "PUBLISHED" {
		writeUploadError(req.w, http.StatusBadRequest, "ProcessingFailedError", "The upload session of media "+req.containerID+" has ended")
		return nil, nil, false
	}
	return c.upload, c, true
}

// receiveUpload is POST /ig-api-upload/{container-id}: the bytes from the
// offset header on, or a file_url to fetch.
func (s *Server) receiveUpload(req *uploadRequest) {
	s.mu.Lock()
	u, c, ok := s.uploadTarget(req)
	if !ok {
		s.mu.Unlock()
		return
	}
	h := req.r.Header
	if fileURL := h.Get("file_url"); fileURL != "" {
		u.fileURL = fileURL
		if !fetchable(fileURL) {
			c.failSubcode = 2207052
		}
		s.mu.Unlock()
		s.answerUpload(req)
		return
	}
	offset, err1 := strconv.ParseInt(h.Get("offset"), 10, 64)
	size, err2 := strconv.ParseInt(h.Get("file_size"), 10, 64)
	problem := ""
	switch {
	case err1 != nil || offset < 0:
		problem = "Header offset is not a non-negative integer"
	case err2 != nil || size <= 0:
		problem = "Header file_size is not a positive integer"
	case u.fileSize != 0 && size != u.fileSize:
		problem = "Header file_size differs from the size of this upload"
	case size > maxUploadBytes[c.kind]:
		problem = "The file is larger than " + strconv.FormatInt(maxUploadBytes[c.kind]>>20, 10) + " MB, the limit for " + c.kind
	case offset > u.kept:
		// A gap would lose bytes; resending bytes Meta has is harmless
		// (what Meta answers to either is undocumented).
		problem = "Header offset " + strconv.FormatInt(offset, 10) + " is past the " + strconv.FormatInt(u.kept, 10) + " bytes received so far"
	}
	if problem != "" {
		s.mu.Unlock()
		writeUploadError(req.w, http.StatusBadRequest, "ParameterValidationError", problem)
		return
	}
	u.fileSize = size
	s.mu.Unlock()

	if !s.readUpload(req, u, c, offset) {
		dropConnection(req.w)
		return
	}
	s.answerUpload(req)
}

// readUpload reads the body into the upload, committing each piece as it
// arrives. It reports false when the connection is to be cut (the client
// went away, or a DropAfterBytes fault); the bytes kept are then rounded
// down to Options.UploadChunkSize.
func (s *Server) readUpload(req *uploadRequest, u *upload, c *container, offset int64) bool {
	budget := req.fault.DropAfterBytes
	buf := make([]byte, uploadReadSize)
	pos := offset
	for {
		chunk := buf
		if budget > 0 {
			chunk = buf[:min(int64(len(buf)), budget)]
		}
		n, err := req.r.Body.Read(chunk)
		s.mu.Lock()
		s.st.uploadReceived += int64(n)
		pos = u.write(pos, chunk[:n])
		if u.complete() && c.failSubcode == 0 && !videoSignature(u.head) {
			c.failSubcode = 2207026 // processing fails: not a video format Meta takes
		}
		s.mu.Unlock()
		if budget > 0 {
			if budget -= int64(n); budget == 0 {
				s.cutUpload(u)
				return false
			}
		}
		switch {
		case errors.Is(err, io.EOF):
			return true
		case err != nil:
			s.cutUpload(u)
			return false
		}
	}
}

// write stores data received at pos and returns the next position. Bytes
// before what is kept are duplicates: counted, not stored again.
func (u *upload) write(pos int64, data []byte) int64 {
	end := min(pos+int64(len(data)), u.fileSize)
	if h := int64(len(u.head)); h < signatureBytes && pos <= h && end > h {
		u.head = append(u.head, data[h-pos:min(end, signatureBytes)-pos]...)
	}
	u.kept = max(u.kept, end)
	return pos + int64(len(data))
}

// cutUpload is what an interrupted upload leaves: whole chunks only.
func (s *Server) cutUpload(u *upload) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if chunk := s.opts.UploadChunkSize; chunk > 0 && !u.complete() {
		u.kept -= u.kept % chunk
	}
}

// answerUpload confirms an upload request (or drops the answer, for a
// DropAfterCommit fault).
func (s *Server) answerUpload(req *uploadRequest) {
	if req.fault.DropAfterCommit {
		dropConnection(req.w)
		return
	}
	writeJSON(req.w, http.StatusOK, map[string]any{"success": true, "message": "Upload successful. Upload session ID: " + req.containerID})
}

// uploadOffset is GET /ig-api-upload/{container-id}, which answers
// {"offset": n} only with Options.UploadOffsetOnRupload (see there).
func (s *Server) uploadOffset(req *uploadRequest) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, _, ok := s.uploadTarget(req)
	if !ok {
		return
	}
	if !s.opts.UploadOffsetOnRupload {
		writeUploadError(req.w, http.StatusBadRequest, "ParameterValidationError", "Unsupported method GET")
		return
	}
	writeJSON(req.w, http.StatusOK, map[string]any{"id": req.containerID, "offset": u.kept})
}

// UploadBytesReceived counts the video bytes the upload host has read, a
// byte sent twice counting twice: a resumed upload adds only what was not
// kept before.
func (s *Server) UploadBytesReceived() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.uploadReceived
}

package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// UploadsService sends local videos to Meta's upload host (rupload) for
// containers made by Media.CreateUploadContainer, as the resumable upload
// guide describes
// (https://developers.facebook.com/docs/instagram-platform/content-publishing/resumable-uploads):
// POST the bytes to the container's uri with the headers
// "Authorization: OAuth <token>", "offset" (the first byte sent) and
// "file_size" (the whole file).
type UploadsService service

// Upload is one video to send to its container.
type Upload struct {
	ContainerID string
	URI         string // UploadContainer.URI
	// File is read from the offset Meta asks for to Size, streamed: a
	// 300 MB reel never sits in memory.
	File io.ReaderAt
	Size int64
}

// UploadError is the upload host's refusal of an upload request.
type UploadError struct {
	HTTPStatus int
	Type       string // e.g. "ProcessingFailedError"
	Message    string
	Retriable  bool
}

func (e *UploadError) Error() string {
	msg := fmt.Sprintf("graph: upload refused (HTTP %d", e.HTTPStatus)
	if e.Type != "" {
		msg += ", " + e.Type
	}
	return msg + "): " + e.Message
}

// progressSteps is how many progress lines an upload logs (every 10 %).
const progressSteps = 10

// Upload sends u's bytes from offset 0. After a dropped connection, a 5xx or
// a refusal Meta marks retriable, it asks Meta how many bytes arrived
// (UploadedOffset) and sends the rest from there, not the whole file again,
// up to the client's MaxRetries times. It returns nil once Meta has every
// byte. An upload is safe to abandon: the container is never published and
// expires after 24 hours.
func (s *UploadsService) Upload(ctx context.Context, u Upload) error {
	if err := s.checkURI(u.URI); err != nil {
		return err
	}
	if u.Size <= 0 {
		return fmt.Errorf("graph: uploading to container %s: empty file", u.ContainerID)
	}
	var offset int64
	for attempt := 0; ; attempt++ {
		err := s.send(ctx, u, offset)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var refused *UploadError
		if errors.As(err, &refused) && !refused.Retriable && refused.HTTPStatus < 500 {
			return err
		}
		var gerr *Error
		if errors.As(err, &gerr) && !IsTransient(gerr) {
			return err
		}
		if attempt >= s.client.maxRetries {
			return err
		}
		if serr := s.client.sleep(ctx, s.client.backoffWait(attempt)); serr != nil {
			return serr
		}
		got, oerr := s.UploadedOffset(ctx, u)
		if oerr != nil {
			//nolint:errorlint // oerr is context: only err is what failed the upload
			return fmt.Errorf("%w (then asking Meta how much of it arrived failed: %v)", err, oerr)
		}
		if got >= u.Size {
			return nil // every byte arrived; only the answer was lost
		}
		s.client.warn(ctx, "graph: upload interrupted; resuming from the offset Meta reports", map[string]any{
			"container_id": u.ContainerID, "offset": got, "total_bytes": u.Size, "attempt": attempt + 1, "error": err.Error(),
		})
		offset = got
	}
}

// UploadedOffset asks Meta how many bytes of u it has received. Meta's guide
// says an interrupted upload can be resumed but not how to learn where: the
// container's video_status.uploading_phase.bytes_transferred is asked first
// (the field Facebook reels report,
// https://developers.facebook.com/docs/video-api/guides/reels-publishing),
// then GET on the upload URI, answered {"offset": n}.
func (s *UploadsService) UploadedOffset(ctx context.Context, u Upload) (int64, error) {
	c, _, err := s.client.Media.GetUploadStatus(ctx, u.ContainerID)
	if err == nil && c.VideoStatus != nil && c.VideoStatus.UploadingPhase != nil && c.VideoStatus.UploadingPhase.BytesTransferred != nil {
		return checkOffset(*c.VideoStatus.UploadingPhase.BytesTransferred, u)
	}
	if ctx.Err() != nil {
		return 0, ctx.Err()
	}
	resp, body, err := s.do(ctx, http.MethodGet, u, nil, 0, nil) //nolint:bodyclose // do closes it
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, uploadError(resp, body)
	}
	var out struct {
		Offset *int64 `json:"offset"`
	}
	if json.Unmarshal(body, &out) != nil || out.Offset == nil {
		return 0, fmt.Errorf("graph: upload status of container %s has no offset", u.ContainerID)
	}
	return checkOffset(*out.Offset, u)
}

func checkOffset(n int64, u Upload) (int64, error) {
	if n < 0 || n > u.Size {
		return 0, fmt.Errorf("graph: Meta reports %d bytes of container %s's %d-byte upload", n, u.ContainerID, u.Size)
	}
	return n, nil
}

// send POSTs u's bytes from offset to the end.
func (s *UploadsService) send(ctx context.Context, u Upload, offset int64) error {
	body := &progressReader{r: io.NewSectionReader(u.File, offset, u.Size-offset), pos: offset, total: u.Size,
		next: nextStep(offset, u.Size), log: func(pos int64) {
			s.client.debug(ctx, "graph: uploading video", map[string]any{
				"container_id": u.ContainerID, "sent_bytes": pos, "total_bytes": u.Size, "percent": pos * 100 / u.Size,
			})
		}}
	resp, out, err := s.do(ctx, http.MethodPost, u, body, u.Size-offset, map[string]string{ //nolint:bodyclose // do closes it
		"offset":       strconv.FormatInt(offset, 10),
		"file_size":    strconv.FormatInt(u.Size, 10),
		"Content-Type": "application/octet-stream",
	})
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return uploadError(resp, out)
	}
	var ok struct {
		Success bool   `json:"success"`
		Message string `json:"message"`
	}
	if json.Unmarshal(out, &ok) != nil || !ok.Success {
		return &UploadError{HTTPStatus: resp.StatusCode, Message: "the upload host did not confirm the upload: " + excerpt(out, 200), Retriable: true}
	}
	return nil
}

// do sends one request to the upload URI with the token in the
// Authorization header, and reads a small answer.
func (s *UploadsService) do(ctx context.Context, method string, u Upload, body io.Reader, length int64, headers map[string]string) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, u.URI, body)
	if err != nil {
		return nil, nil, fmt.Errorf("graph: upload to container %s: %w", u.ContainerID, err)
	}
	req.ContentLength = length
	req.Header.Set("Authorization", "OAuth "+s.client.token)
	req.Header.Set("User-Agent", s.client.userAgent)
	req.Header.Set("Accept", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := s.client.uploadHTTP.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("graph: %s upload of container %s: %w", method, u.ContainerID, unwrapURLError(err))
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("graph: %s upload of container %s: reading the answer: %w", method, u.ContainerID, err)
	}
	return resp, out, nil
}

// uploadError decodes the upload host's error: {"debug_info": {"retriable",
// "type", "message"}} (the shape Facebook's rupload host answers,
// https://developers.facebook.com/docs/video-api/guides/reels-publishing),
// or a Graph error envelope (an invalid token).
func uploadError(resp *http.Response, body []byte) error {
	var env struct {
		DebugInfo *struct {
			Retriable bool   `json:"retriable"`
			Type      string `json:"type"`
			Message   string `json:"message"`
		} `json:"debug_info"`
	}
	if json.Unmarshal(body, &env) == nil && env.DebugInfo != nil {
		d := env.DebugInfo
		return &UploadError{HTTPStatus: resp.StatusCode, Type: d.Type, Message: d.Message, Retriable: d.Retriable}
	}
	if e := decodeError("POST", "upload", resp, body); e.Code != 0 {
		return e
	}
	return &UploadError{HTTPStatus: resp.StatusCode, Message: http.StatusText(resp.StatusCode) + ": " + excerpt(body, 200),
		Retriable: resp.StatusCode >= 500}
}

// checkURI refuses to send the token anywhere but Meta's hosts (https) or
// the host of the client's base URL (the emulator).
func (s *UploadsService) checkURI(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil {
		return fmt.Errorf("graph: invalid upload uri %q", raw)
	}
	base, _ := url.Parse(s.client.baseURL)
	host := strings.ToLower(u.Hostname())
	meta := u.Scheme == "https" && (strings.HasSuffix(host, ".facebook.com") || strings.HasSuffix(host, ".instagram.com"))
	ours := base != nil && host == strings.ToLower(base.Hostname()) && u.Scheme == base.Scheme
	if !meta && !ours {
		return fmt.Errorf("graph: refusing to send the access token to upload uri %s://%s: want an https Meta host", u.Scheme, u.Host)
	}
	return nil
}

// progressReader counts the bytes the transport reads and logs each tenth
// of the file. It adds no buffering.
type progressReader struct {
	r          io.Reader
	pos, total int64
	next       int64 // position of the next progress line
	log        func(pos int64)
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.pos += int64(n)
	if p.pos >= p.next {
		p.log(p.pos)
		p.next = nextStep(p.pos, p.total)
	}
	return n, err
}

// nextStep is the position of the first tenth of total after pos.
func nextStep(pos, total int64) int64 {
	step := max(total/progressSteps, 1)
	return (pos/step + 1) * step
}

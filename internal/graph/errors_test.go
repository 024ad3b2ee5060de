package graph

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestErrorDecoding(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/"+testIGUser+"/media", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-fb-trace-id", "HEADER-TRACE")
		writeJSON(w, 400, `{"error":{"message":"The image size is too large.","type":"OAuthException","code":36000,"error_subcode":2207004,"is_transient":false,
           "error_user_title":"Image size too large","error_user_msg":"The image is too large to download. It should be less than 8 MiB.",
           "fbtrace_id":"A6LJylpZRKw2xKLFsAP-cJh"}}`)
	})
	_, resp, err := client.Media.CreateContainer(context.Background(), testIGUser, ContainerParams{Params: map[string]string{"image_url": "https://x/big.jpg"}})
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v", err)
	}
	want := Error{
		HTTPStatus: 400, Message: "The image size is too large.", Type: "OAuthException", Code: 36000, Subcode: 2207004,
		UserTitle: "Image size too large", UserMsg: "The image is too large to download. It should be less than 8 MiB.",
		FBTraceID: "A6LJylpZRKw2xKLFsAP-cJh", Method: "POST", Path: "/" + testIGUser + "/media",
	}
	if *ge != want {
		t.Errorf("error =\n %+v\nwant\n %+v", *ge, want)
	}
	for _, s := range []string{"HTTP 400", "code 36000 subcode 2207004", "The image is too large to download", "A6LJylpZRKw2xKLFsAP-cJh", "POST /" + testIGUser + "/media"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("Error() = %q lacks %q", err.Error(), s)
		}
	}
	if resp == nil || resp.FBTraceID != "HEADER-TRACE" {
		t.Errorf("resp = %+v", resp)
	}
}

func TestErrorDecoding_traceFromHeaderAndNonJSON(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-fb-trace-id", "HDR123")
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(404)
		fmt.Fprint(w, "<html>\n  <body>Not   here</body></html>")
	})
	_, _, err := client.Users.Get(context.Background(), "1", nil)
	var ge *Error
	if !errors.As(err, &ge) {
		t.Fatalf("err = %v", err)
	}
	if ge.HTTPStatus != 404 || ge.FBTraceID != "HDR123" || ge.Message != "Not Found: <html> <body>Not here</body></html>" || ge.Code != 0 {
		t.Errorf("error = %+v", ge)
	}
	if !IsNotFound(err) {
		t.Error("bare 404 should be not-found")
	}
}

func TestExcerpt_truncates(t *testing.T) {
	s := excerpt([]byte(strings.Repeat("é", 300)), 201)
	if !strings.HasSuffix(s, "…") || len(s) > 205 {
		t.Errorf("excerpt = %q", s)
	}
}

func TestHelpers(t *testing.T) {
	e := func(status, code, sub int) error {
		return fmt.Errorf("wrapped: %w", &Error{HTTPStatus: status, Code: code, Subcode: sub})
	}
	for _, tc := range []struct {
		err                                         error
		notFound, auth, rate, permission, transient bool
	}{
		{err: e(400, 100, 33), notFound: true},
		{err: e(400, 100, 0)},
		{err: e(400, 190, 0), auth: true},
		{err: e(400, 190, 463), auth: true},
		{err: e(400, 102, 0), auth: true},
		{err: e(400, 0, 460), auth: true},
		{err: e(400, 0, 492), auth: true},
		{err: e(401, 0, 0), auth: true},
		{err: e(400, 4, 0), rate: true, transient: true},
		{err: e(400, 4, 2207051)},
		{err: e(400, 17, 0), rate: true, transient: true},
		{err: e(400, 32, 0), rate: true, transient: true},
		{err: e(400, 613, 1996), rate: true, transient: true},
		{err: e(400, 80001, 0), rate: true, transient: true},
		{err: e(400, 80002, 0), rate: true, transient: true},
		{err: e(400, 80009, 0), rate: true, transient: true},
		{err: e(400, 80014, 0), rate: true, transient: true},
		{err: e(400, 80010, 0)},
		{err: e(429, 0, 0), rate: true, transient: true},
		{err: e(400, 3, 0), permission: true},
		{err: e(403, 10, 0), permission: true},
		{err: e(403, 200, 0), permission: true},
		{err: e(403, 299, 0), permission: true},
		{err: e(500, 1, 0), transient: true},
		{err: e(500, 0, 0), transient: true},
		{err: e(400, 341, 0), transient: true},
		{err: &Error{HTTPStatus: 400, Code: 9007, IsTransient: true}, transient: true},
		{err: &RateLimitError{Budget: "app", Wait: time.Hour}, rate: true, transient: true},
		{err: &RateLimitError{Budget: "app", Err: &Error{Code: 4}}, rate: true, transient: true},
		{err: &AmbiguousError{Method: "POST", Path: "/x", Err: &Error{HTTPStatus: 500, Code: 2}}},
		{err: errors.New("plain")},
		{err: nil},
	} {
		name := fmt.Sprint(tc.err)
		if got := IsNotFound(tc.err); got != tc.notFound {
			t.Errorf("IsNotFound(%s) = %v", name, got)
		}
		if got := IsAuth(tc.err); got != tc.auth {
			t.Errorf("IsAuth(%s) = %v", name, got)
		}
		if got := IsRateLimited(tc.err); got != tc.rate {
			t.Errorf("IsRateLimited(%s) = %v", name, got)
		}
		if got := IsPermission(tc.err); got != tc.permission {
			t.Errorf("IsPermission(%s) = %v", name, got)
		}
		if got := IsTransient(tc.err); got != tc.transient {
			t.Errorf("IsTransient(%s) = %v", name, got)
		}
	}
}

func TestErrorTypes_unwrap(t *testing.T) {
	inner := &Error{HTTPStatus: 500, Code: 2, Message: "boom"}
	amb := error(&AmbiguousError{Method: "POST", Path: "/1/media_publish", Err: inner})
	var ge *Error
	if !errors.As(amb, &ge) || ge != inner || !errors.Is(amb, inner) {
		t.Error("AmbiguousError does not unwrap to its cause")
	}
	if !strings.Contains(amb.Error(), "may or may not have taken effect") || !strings.Contains(amb.Error(), "boom") {
		t.Errorf("Error() = %q", amb.Error())
	}
	amb2 := &AmbiguousError{Method: "POST", Path: "/x", Err: context.DeadlineExceeded}
	if !errors.Is(amb2, context.DeadlineExceeded) {
		t.Error("AmbiguousError hides context.DeadlineExceeded")
	}
	rl := &RateLimitError{Budget: "app", Wait: 90 * time.Second}
	if rl.Unwrap() != nil {
		t.Error("RateLimitError without Err unwraps to a typed nil")
	}
	if !strings.Contains(rl.Error(), "app budget") || !strings.Contains(rl.Error(), "1m30s") {
		t.Errorf("Error() = %q", rl.Error())
	}
}

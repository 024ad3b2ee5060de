package graph

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"
)

// Error is a Graph API error: the {"error":{…}} envelope plus the HTTP status
// and the call it answered. Non-JSON error bodies still produce an *Error.
type Error struct {
	HTTPStatus  int
	Message     string
	Type        string
	Code        int
	Subcode     int
	IsTransient bool
	UserTitle   string
	UserMsg     string
	FBTraceID   string
	Method      string
	Path        string // without query string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "graph: %s %s: HTTP %d", e.Method, e.Path, e.HTTPStatus)
	if e.Code != 0 || e.Subcode != 0 {
		fmt.Fprintf(&b, ", code %d", e.Code)
		if e.Subcode != 0 {
			fmt.Fprintf(&b, " subcode %d", e.Subcode)
		}
	}
	if e.Type != "" {
		fmt.Fprintf(&b, " (%s)", e.Type)
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if e.UserTitle != "" || e.UserMsg != "" {
		b.WriteString(" — " + strings.TrimPrefix(e.UserTitle+": "+e.UserMsg, ": "))
	}
	if e.FBTraceID != "" {
		b.WriteString(" [fbtrace_id " + e.FBTraceID + "]")
	}
	return b.String()
}

type errorEnvelope struct {
	Error *struct {
		Message     string `json:"message"`
		Type        string `json:"type"`
		Code        int    `json:"code"`
		Subcode     int    `json:"error_subcode"`
		IsTransient bool   `json:"is_transient"`
		UserTitle   string `json:"error_user_title"`
		UserMsg     string `json:"error_user_msg"`
		FBTraceID   string `json:"fbtrace_id"`
	} `json:"error"`
}

// decodeError turns an error response into an *Error. The header trace id is
// the fallback when the body does not carry one.
func decodeError(method, path string, r *http.Response, body []byte) *Error {
	e := &Error{
		HTTPStatus: r.StatusCode,
		Method:     method,
		Path:       path,
		FBTraceID:  r.Header.Get("X-Fb-Trace-Id"),
	}
	var env errorEnvelope
	if json.Unmarshal(body, &env) == nil && env.Error != nil {
		g := env.Error
		e.Message, e.Type, e.Code, e.Subcode = g.Message, g.Type, g.Code, g.Subcode
		e.IsTransient, e.UserTitle, e.UserMsg = g.IsTransient, g.UserTitle, g.UserMsg
		if g.FBTraceID != "" {
			e.FBTraceID = g.FBTraceID
		}
		return e
	}
	// Not a Graph envelope (a proxy page, a plain-text 502…): keep a short,
	// single-line excerpt so the user has something to go on.
	e.Message = http.StatusText(r.StatusCode)
	if s := excerpt(body, 200); s != "" {
		e.Message += ": " + s
	}
	return e
}

func excerpt(b []byte, n int) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > n {
		s = s[:n]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// AmbiguousError means a non-idempotent write (media_publish, comment
// create) may or may not have taken effect: the
// connection dropped after the request was sent, the attempt timed out, or
// Graph answered 5xx. Resolve it by reading; never by resending.
type AmbiguousError struct {
	Method, Path string
	Err          error
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("graph: %s %s may or may not have taken effect (read the state before trying again): %v", e.Method, e.Path, e.Err)
}

func (e *AmbiguousError) Unwrap() error { return e.Err }

// RateLimitError means Meta throttled us (or the shared limiter knows it
// will) for longer than Options.MaxRateLimitWait.
type RateLimitError struct {
	Budget string        // e.g. "instagram business use case", "app"
	Wait   time.Duration // how long until access returns, as announced
	Err    *Error        // the throttling response, when there was one
}

func (e *RateLimitError) Error() string {
	msg := fmt.Sprintf("graph: rate limited by the %s budget; access returns in about %s, longer than the maximum rate-limit wait", e.Budget, e.Wait.Round(time.Second))
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

func (e *RateLimitError) Unwrap() error {
	if e.Err == nil {
		return nil // not a typed nil
	}
	return e.Err
}

func asError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// IsNotFound reports a missing (or invisible) object: Graph says code 100,
// subcode 33 ("Unsupported get request. Object … does not exist"), HTTP 400.
func IsNotFound(err error) bool {
	e, ok := asError(err)
	if !ok {
		return false
	}
	return (e.Code == 100 && e.Subcode == 33) || (e.HTTPStatus == http.StatusNotFound && e.Code == 0)
}

// IsAuth reports an invalid, expired or revoked token (codes 190 and 102 and
// their session subcodes): the user needs a new token, retrying won't help.
func IsAuth(err error) bool {
	e, ok := asError(err)
	if !ok {
		return false
	}
	return e.Code == 190 || e.Code == 102 || isAuthSubcode(e.Subcode) ||
		(e.HTTPStatus == http.StatusUnauthorized && e.Code == 0)
}

func isAuthSubcode(s int) bool { return (s >= 458 && s <= 467) || s == 492 }

// IsRateLimited reports a throttling error (codes 4, 17, 32, 613,
// 80001–80009, 80014, or HTTP 429) or a *RateLimitError.
func IsRateLimited(err error) bool {
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return true
	}
	e, ok := asError(err)
	return ok && isThrottle(e)
}

// IsPermission reports a missing permission or capability (codes 3, 10,
// 200–299).
func IsPermission(err error) bool {
	e, ok := asError(err)
	return ok && isPermissionCode(e.Code)
}

// IsTransient reports an error that may go away by itself (is_transient, a
// throttle, codes 1/2/341, HTTP 5xx). It is false for an *AmbiguousError:
// there the caller must read before deciding anything.
func IsTransient(err error) bool {
	var amb *AmbiguousError
	if errors.As(err, &amb) {
		return false
	}
	var rl *RateLimitError
	if errors.As(err, &rl) {
		return true
	}
	e, ok := asError(err)
	if !ok {
		return false
	}
	return e.IsTransient || isThrottle(e) || e.Code == 1 || e.Code == 2 || e.Code == 341 ||
		e.HTTPStatus >= 500
}

// isThrottle: Meta rejected the call because a budget is spent, so it did
// not take effect. Code 4 with subcode 2207051 is Instagram's "activity
// restricted" spam block, which may have posted anyway: not a throttle.
func isThrottle(e *Error) bool {
	if isActivityRestricted(e) {
		return false
	}
	switch {
	case e.Code == 4, e.Code == 17, e.Code == 32, e.Code == 613:
		return true
	case e.Code >= 80001 && e.Code <= 80009, e.Code == 80014:
		return true
	}
	return e.HTTPStatus == http.StatusTooManyRequests
}

func isPermissionCode(c int) bool { return c == 3 || c == 10 || (c >= 200 && c <= 299) }

// budgetName names the budget a throttle code belongs to, for messages.
func budgetName(code int) string {
	switch code {
	case 4:
		return "app"
	case 17:
		return "user"
	case 32:
		return "page"
	case 613:
		return "custom"
	case 80001:
		return "pages business use case"
	case 80002:
		return "instagram business use case"
	case 80003:
		return "custom audience business use case"
	case 80004:
		return "ads management business use case"
	case 80005:
		return "leadgen business use case"
	case 80006:
		return "messenger business use case"
	case 80008:
		return "whatsapp business management business use case"
	case 80009:
		return "catalog management business use case"
	case 80014:
		return "catalog batch business use case"
	}
	if code >= 80000 && code <= 80014 {
		return "business use case"
	}
	return "rate"
}

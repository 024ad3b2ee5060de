package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// request is a parsed Graph API request.
type request struct {
	r        *http.Request
	method   string
	version  string   // echoed in facebook-api-version
	prefix   string   // "/v26.0" or "" as the client sent it (for paging URLs)
	segs     []string // path segments after the version
	params   url.Values
	token    string
	tokenURL bool // access_token came in the URL query
	route    string

	parseErr *apiError // the body could not be parsed; answered after authentication

	tok    *tokenInfo // set after authentication
	trace  string
	meter  *meter // what the request was charged (usage.go); nil when not metered
	nested bool   // one id of GET /?ids=, metered with its parent
}

var versionRe = regexp.MustCompile(`^v\d+\.\d+$`)

// parseRequest splits the path and merges query, form and JSON body
// parameters. A body that cannot be parsed sets parseErr.
func parseRequest(r *http.Request) *request {
	req := &request{r: r, method: r.Method, version: DefaultAPIVersion}
	path := strings.Trim(r.URL.Path, "/")
	var segs []string
	if path != "" {
		segs = strings.Split(path, "/")
	}
	if len(segs) > 0 && versionRe.MatchString(segs[0]) {
		req.version = segs[0]
		req.prefix = "/" + segs[0]
		segs = segs[1:]
	}
	req.segs = segs

	q := r.URL.Query()
	params := url.Values{}
	for k, v := range q {
		params[k] = append([]string(nil), v...)
	}
	body, err := bodyParams(r)
	if err != nil {
		req.parseErr = errParam("Could not parse the request body: %v", err)
		return req
	}
	for k, v := range body { // body wins over the query string
		params[k] = v
	}
	req.params = params

	if h := r.Header.Get("Authorization"); h != "" {
		scheme, tok, _ := strings.Cut(strings.TrimSpace(h), " ")
		if strings.EqualFold(scheme, "Bearer") || strings.EqualFold(scheme, "OAuth") {
			req.token = strings.TrimSpace(tok)
		}
	}
	if q.Has("access_token") {
		req.tokenURL = true
	}
	if req.token == "" {
		req.token = params.Get("access_token")
	}
	return req
}

// bodyParams reads form-urlencoded, multipart or JSON bodies. JSON values that
// are not strings are re-encoded as JSON text, which is how Graph clients send
// arrays such as children or user_tags in forms anyway.
func bodyParams(r *http.Request) (url.Values, error) {
	if r.Body == nil || r.Method == http.MethodGet {
		return nil, nil
	}
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ct {
	case "application/x-www-form-urlencoded":
		b, err := io.ReadAll(io.LimitReader(r.Body, 10<<20))
		if err != nil {
			return nil, err
		}
		return url.ParseQuery(string(b))
	case "multipart/form-data":
		if err := r.ParseMultipartForm(10 << 20); err != nil {
			return nil, err
		}
		return r.MultipartForm.Value, nil
	case "application/json":
		var m map[string]json.RawMessage
		dec := json.NewDecoder(io.LimitReader(r.Body, 10<<20))
		if err := dec.Decode(&m); err != nil {
			if errors.Is(err, io.EOF) {
				return nil, nil
			}
			return nil, err
		}
		out := url.Values{}
		for k, raw := range m {
			var s string
			if json.Unmarshal(raw, &s) == nil {
				out.Set(k, s)
			} else {
				out.Set(k, string(raw))
			}
		}
		return out, nil
	}
	return nil, nil
}

// param returns a trimmed parameter and whether it was present.
func (req *request) param(name string) (string, bool) {
	v, ok := req.params[name]
	if !ok || len(v) == 0 {
		return "", ok
	}
	return strings.TrimSpace(v[0]), true
}

// checkProof validates appsecret_proof: classic HMAC(secret, token) or the
// time-stamped HMAC(secret, token|time) with appsecret_time within 5 minutes.
// Whether graph.instagram.com enforces it is undocumented (uncertain): the
// emulator applies the same rules to both token kinds.
func checkProof(req *request, secret string, required bool, now time.Time) *apiError {
	proof, ok := req.param("appsecret_proof")
	if !ok || proof == "" {
		if required {
			return oauthErr(100, 0, "API calls from the server require an appsecret_proof argument")
		}
		return nil
	}
	msg := req.token
	if ts, ok := req.param("appsecret_time"); ok {
		sec, err := strconv.ParseInt(ts, 10, 64)
		if err != nil || now.Sub(time.Unix(sec, 0)).Abs() > 5*time.Minute {
			return oauthErr(100, 0, "Invalid appsecret_proof provided in the API argument")
		}
		msg += "|" + ts
	}
	want := appSecretProof(secret, msg)
	if !hmac.Equal([]byte(strings.ToLower(proof)), []byte(want)) {
		return oauthErr(100, 0, "Invalid appsecret_proof provided in the API argument")
	}
	return nil
}

// appSecretProof is lowercase hex HMAC-SHA256(key=secret, msg).
func appSecretProof(secret, msg string) string {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

// baseURL is scheme://host of the request, for absolute paging URLs.
func (req *request) baseURL() string {
	scheme := "http"
	if req.r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + req.r.Host
}

// pagingURL builds an absolute URL for the same path with the query string of
// the request (never the token or proof) and the given overrides.
func (req *request) pagingURL(path string, set url.Values) string {
	q := url.Values{}
	for k, v := range req.r.URL.Query() {
		q[k] = v
	}
	for _, k := range []string{"access_token", "appsecret_proof", "appsecret_time", "after", "before"} {
		q.Del(k)
	}
	for k, v := range set {
		q[k] = v
	}
	return req.baseURL() + req.prefix + path + "?" + q.Encode()
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(s) {
	case "true", "1":
		return true, true
	case "false", "0":
		return false, true
	}
	return false, false
}

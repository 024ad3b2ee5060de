package emulator

import (
	"net/http"
	"slices"
	"strings"
)

// Since 2026-11-04, apps created on or after that day cannot use multi-ID
// requests, date/time formatting, HTTP method override, field aliases,
// JSONP callbacks or asynchronous batch requests, on any Graph version
// (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/).
// The emulator is such an app unless Options.LegacyApp says it was created
// before. Meta does not document the error it answers (uncertain): by
// default the capability error (#3) naming the feature;
// Options.LegacyFeatureError replaces it. A legacy app gets the multi-ID
// read (multiid.go) and poll_attachment's date_format=U (addons.go); the
// other features are accepted and ignored there, not emulated.

// legacyFeature names the legacy feature a request uses, or "".
func legacyFeature(req *request) string {
	for _, l := range []struct{ param, feature string }{
		{"ids", "multi-ID requests"},
		{"method", "HTTP method override"},
		{"date_format", "date/time formatting"},
		{"callback", "JSONP callbacks"},
	} {
		if _, ok := req.params[l.param]; ok {
			return l.feature
		}
	}
	if fs, _ := req.param("fields"); strings.Contains(fs, ".as(") {
		return "field aliases"
	}
	if slices.Contains(req.segs, "async_batch_requests") {
		return "asynchronous batch requests"
	}
	return ""
}

// refuseLegacyFeatures answers a request of a new app that uses a legacy
// feature. Called with s.mu held, after authentication.
func (s *Server) refuseLegacyFeatures(req *request) *apiError {
	if s.opts.LegacyApp {
		return nil
	}
	feature := legacyFeature(req)
	if feature == "" {
		return nil
	}
	if e := s.opts.LegacyFeatureError; e != nil {
		return &apiError{status: http.StatusBadRequest, body: *e}
	}
	return oauthErr(3, 0, "(#3) Application does not have the capability to make this API call. "+
		"Apps created on or after November 4, 2026 cannot use "+feature+".")
}

package graph

import (
	"fmt"
	"strings"
)

// Apps created since 2026-11-04 cannot use multi-ID requests, date/time
// formatting, HTTP method override, field aliases, JSONP callbacks or
// asynchronous batch requests, on any Graph version, and older apps cannot
// add new uses of them
// (https://developers.facebook.com/blog/post/2026/11/04/introducing-graph-api-v27-and-marketing-api-v27/).
// Every user of this provider brings a Meta app, most of them created after
// that date, so the client never sends any of them: Do refuses a request
// that would, before anything is sent.

// legacyParams are the parameters of the legacy features, with the feature
// each one is.
var legacyParams = []struct{ param, feature string }{
	{"ids", "multi-ID request"},
	{"method", "HTTP method override"},
	{"date_format", "date/time formatting"},
	{"callback", "JSONP callback"},
	{"batch", "batch request"},
}

// legacyFeature names the legacy feature req would use, or "".
func legacyFeature(req *Request) string {
	for _, l := range legacyParams {
		if req.Params.Has(l.param) {
			return l.feature
		}
	}
	if strings.Contains(req.Params.Get("fields"), ".as(") {
		return "field alias"
	}
	if req.Path == "/" {
		return "multi-ID request"
	}
	if strings.Contains(req.Path, "async_batch_requests") {
		return "asynchronous batch request"
	}
	return ""
}

func checkLegacy(req *Request) error {
	if f := legacyFeature(req); f != "" {
		return fmt.Errorf("graph: %s %s: a %s, which apps created since 2026-11-04 may not use", req.Method, req.Path, f)
	}
	return nil
}

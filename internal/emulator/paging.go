package emulator

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// pageReq is a cursor page request plus the time filters of media edges.
type pageReq struct {
	limit         int
	after, before *int64 // decoded cursors
	since, until  *time.Time
}

// defaultPageSize is Graph's page size when `limit` is not given.
const defaultPageSize = 25

// pageReqFromParams reads limit/after/before/since/until from request params
// or from field-expansion modifiers. Limits above maxLimit are clamped: whether
// Meta clamps or rejects is undocumented (uncertain).
func pageReqFromParams(get func(string) (string, bool), maxLimit int) (pageReq, *apiError) {
	pr := pageReq{limit: defaultPageSize}
	if v, ok := get("limit"); ok && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return pr, errParam("The parameter limit must be a non-negative integer")
		}
		if n > 0 {
			pr.limit = n
		}
		if pr.limit > maxLimit {
			pr.limit = maxLimit
		}
	}
	for _, c := range []struct {
		name string
		dst  **int64
	}{{"after", &pr.after}, {"before", &pr.before}} {
		if v, ok := get(c.name); ok && v != "" {
			k, ok := decodeCursor(v)
			if !ok {
				return pr, errParam("Invalid %s cursor", c.name)
			}
			*c.dst = &k
		}
	}
	for _, t := range []struct {
		name string
		dst  **time.Time
	}{{"since", &pr.since}, {"until", &pr.until}} {
		if v, ok := get(t.name); ok && v != "" {
			ts, ok := parseTime(v)
			if !ok {
				return pr, errParam("The parameter %s must be a unix timestamp or a date", t.name)
			}
			*t.dst = &ts
		}
	}
	return pr, nil
}

// parseTime accepts unix seconds and the common strtotime forms clients send.
func parseTime(v string) (time.Time, bool) {
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.Unix(n, 0).UTC(), true
	}
	for _, layout := range []string{time.RFC3339, timeLayout, "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// Cursors are opaque to clients; internally they carry the sort key of the
// item at the page boundary, so they stay valid when items are deleted.
func encodeCursor(key int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("QVFI:emu:" + strconv.FormatInt(key, 10)))
}

func decodeCursor(c string) (int64, bool) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return 0, false
	}
	rest, ok := strings.CutPrefix(string(b), "QVFI:emu:")
	if !ok {
		return 0, false
	}
	k, err := strconv.ParseInt(rest, 10, 64)
	return k, err == nil
}

// paginate picks the page [start,end) of items whose keys strictly descend in
// display order. after → items past the cursor; before → the items just before it.
func paginate(keys []int64, pr pageReq) (start, end int, hasPrev, hasNext bool) {
	switch {
	case pr.after != nil:
		start = len(keys)
		for i, k := range keys {
			if k < *pr.after {
				start = i
				break
			}
		}
		end = min(start+pr.limit, len(keys))
	case pr.before != nil:
		end = len(keys)
		for i, k := range keys {
			if k <= *pr.before {
				end = i
				break
			}
		}
		start = max(0, end-pr.limit)
	default:
		end = min(pr.limit, len(keys))
	}
	return start, end, start > 0, end < len(keys)
}

// pageResponse wraps data as {"data":[…],"paging":{"cursors":…,"previous","next"}}.
// next is absent on the last page and previous on the first; paging is
// omitted when the page is empty.
func pageResponse(req *request, data []any, keys []int64, hasPrev, hasNext bool, path string) map[string]any {
	out := map[string]any{"data": data}
	if len(keys) == 0 {
		return out
	}
	before, after := encodeCursor(keys[0]), encodeCursor(keys[len(keys)-1])
	paging := map[string]any{"cursors": map[string]any{"before": before, "after": after}}
	if hasNext {
		paging["next"] = req.pagingURL(path, url.Values{"after": {after}})
	}
	if hasPrev {
		paging["previous"] = req.pagingURL(path, url.Values{"before": {before}})
	}
	out["paging"] = paging
	return out
}

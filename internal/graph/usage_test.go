package graph

import (
	"net/http"
	"testing"
	"time"
)

func TestParseUsage(t *testing.T) {
	h := http.Header{}
	h.Set("X-App-Usage", `{"call_count":28,"total_time":25,"total_cputime":25}`)
	h.Set("X-Business-Use-Case-Usage", `{"17841405822304914":[{"type":"instagram","call_count":3,"total_cputime":1,"total_time":2,"estimated_time_to_regain_access":0}],
		"1353269864728879":[{"type":"pages","call_count":91.5,"total_cputime":12.25,"total_time":7.0,"estimated_time_to_regain_access":1.5}]}`)
	u := parseUsage(h)
	if u.App == nil || *u.App != (AppUsage{CallCount: 28, TotalTime: 25, TotalCPUTime: 25}) {
		t.Errorf("App = %+v", u.App)
	}
	ig := u.BusinessUseCase["17841405822304914"]
	if len(ig) != 1 || ig[0] != (BUCUsage{Type: "instagram", CallCount: 3, TotalCPUTime: 1, TotalTime: 2}) {
		t.Errorf("BUC instagram = %+v", ig)
	}
	if p := u.BusinessUseCase["1353269864728879"]; len(p) != 1 || p[0].CallCount != 91.5 || p[0].TotalCPUTime != 12.25 {
		t.Errorf("BUC pages = %+v", p)
	}
	if got := u.MaxPercent(); got != 92 {
		t.Errorf("MaxPercent = %d, want 92 (91.5 rounded up)", got)
	}
	if got := u.RegainAccessIn(); got != 90*time.Second {
		t.Errorf("RegainAccessIn = %v, want 1m30s", got)
	}
	if d, b := u.regain(); d != 90*time.Second || b != "pages business use case" {
		t.Errorf("regain = %v %q", d, b)
	}
	if !u.Reported() {
		t.Error("Reported = false")
	}
}

func TestParseUsage_absentOrMalformed(t *testing.T) {
	u := parseUsage(http.Header{})
	if u.Reported() || u.MaxPercent() != 0 || u.RegainAccessIn() != 0 {
		t.Errorf("empty headers → %+v", u)
	}
	h := http.Header{}
	h.Set("X-App-Usage", `{"call_count":`)
	h.Set("X-Business-Use-Case-Usage", `[]`)
	h.Set("X-Page-Usage", `{"call_count":99.1}`)
	u = parseUsage(h)
	if u.App != nil || u.BusinessUseCase != nil || u.Page == nil || u.MaxPercent() != 100 {
		t.Errorf("malformed headers → %+v", u)
	}
}

func TestResponseCarriesUsage(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("/v26.0/1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-app-usage", `{"call_count":28,"total_time":25,"total_cputime":25}`)
		w.Header().Set("x-business-use-case-usage", `{"1":[{"type":"instagram","call_count":3,"total_cputime":1,"total_time":2,"estimated_time_to_regain_access":0}]}`)
		writeJSON(w, 200, `{"id":"1"}`)
	})
	_, resp, err := client.Users.Get(t.Context(), "1", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp.Usage.MaxPercent() != 28 || resp.Usage.BusinessUseCase["1"][0].Type != "instagram" {
		t.Errorf("usage = %+v", resp.Usage)
	}
}

package preview

import (
	"bytes"
	"context"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser_preview loads the HTML preview in a real headless Chromium
// (Debian's chromium, installed by scripts/chromium.sh when missing: this
// test never skips). The images come from a test server on 127.0.0.1. It
// checks that every image of every card and of the grid loaded, that
// captions built to run a script or load something ran and loaded nothing,
// and saves a screenshot (UPDATE_GOLDEN=1: docs/images/preview.png, the
// README's).
func TestBrowser_preview(t *testing.T) {
	chromium := installChromium(t)
	srv, hits := imageServer(t)

	// The golden plans of new posts, of a calendar and of a lifecycle, their
	// images on the test server.
	pages := map[string][]byte{}
	for page, plan := range map[string]string{"/preview.html": "create", "/scheduled.html": "scheduled", "/lifecycle.html": "lifecycle"} {
		golden, err := os.ReadFile(filepath.Join("testdata", "plans", plan+".json"))
		if err != nil {
			t.Fatal(err)
		}
		pages[page] = renderHTML(t, onServer(golden, srv.URL))
	}
	// Posts whose captions and alt texts try to run a script or load a URL.
	attack := srv.URL + "/pwned"
	hostilePosts := []testPost{
		{Address: "instagram_media.onerror", Image: srv.URL + "/img/hostile-1.jpg",
			Caption: `<img src="` + attack + `-img" onerror="fetch('` + attack + `-onerror')">`},
		{Address: "instagram_media.script", Image: srv.URL + "/img/hostile-2.jpg",
			Caption: `<script src="` + attack + `-script.js"></script><script>document.title='pwned'</script>`},
		{Address: "instagram_media.attribute", Image: srv.URL + "/img/hostile-3.jpg",
			AltText: `"><img src="` + attack + `-alt"><b id="injected">`, Caption: `</details><b id="injected">x</b>`},
		{Address: "instagram_media.link", Image: srv.URL + "/img/hostile-4.jpg", Caption: `[x](javascript:fetch('` + attack + `-link'))`},
		{Address: `instagram_media.key["<b id=injected>"]`, Image: `javascript:fetch('` + attack + `-src')`, Caption: "x"},
		{Address: "instagram_media.carousel", Type: "CAROUSEL", Caption: "<style>body{background:url(" + attack + "-css)}</style>",
			Children: []string{srv.URL + "/img/hostile-5.jpg", srv.URL + "/img/hostile-6.jpg"}},
	}
	pages["/hostile.html"] = renderHTML(t, testPlan(t, hostilePosts))
	srv.Config.Handler = withPages(srv.Config.Handler, pages)

	ctx := browser(t, chromium)
	// The days over the publishing quota the calendar marks, by page.
	overQuota := map[string]int{"/scheduled.html": 1}
	for _, name := range []string{"/preview.html", "/scheduled.html", "/lifecycle.html", "/hostile.html"} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+name)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		state, err := chromedp.Run(ctx, chromedp.Evaluate[pageState](`({
			images: Array.from(document.images).map(i => ({src: i.src, loaded: i.complete && i.naturalWidth > 0,
				where: (i.closest('[data-address]') || {dataset: {address: 'grid'}}).dataset.address})),
			cards: document.querySelectorAll('article.card').length,
			overQuota: document.querySelectorAll('table.calendar td.over').length,
			scripts: document.scripts.length,
			injected: document.getElementById('injected') !== null,
			title: document.title,
		})`))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		shot, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatalf("%s: screenshot: %v", name, err)
		}
		if len(state.Images) == 0 || state.Cards == 0 {
			t.Fatalf("%s: %d images, %d cards", name, len(state.Images), state.Cards)
		}
		for _, img := range state.Images {
			if !img.Loaded {
				t.Errorf("%s: the image %s of %s did not load", name, img.Src, img.Where)
			}
			if !strings.HasPrefix(img.Src, srv.URL+"/img/") {
				t.Errorf("%s: an image from elsewhere than the posts: %s", name, img.Src)
			}
		}
		if state.OverQuota != overQuota[name] {
			t.Errorf("%s: %d calendar entries over the quota, want %d", name, state.OverQuota, overQuota[name])
		}
		if state.Scripts != 0 || state.Injected || state.Title != "Instagram: what this plan publishes" {
			t.Errorf("%s: a caption changed the page: %d scripts, injected element %v, title %q", name, state.Scripts, state.Injected, state.Title)
		}
		t.Logf("%s: %d cards, %d images loaded from %s", name, state.Cards, len(state.Images), srv.URL)
		savePNG(t, strings.TrimPrefix(name, "/")+".png", shot, name == "/preview.html")
	}
	for _, path := range hits() {
		if strings.HasPrefix(path, "/pwned") {
			t.Errorf("a caption made the browser request %s", path)
		}
	}
}

// pageState is what the test reads from a loaded page.
type pageState struct {
	Images []struct {
		Src    string `json:"src"`
		Loaded bool   `json:"loaded"`
		Where  string `json:"where"`
	} `json:"images"`
	Cards     int    `json:"cards"`
	OverQuota int    `json:"overQuota"`
	Scripts   int    `json:"scripts"`
	Injected  bool   `json:"injected"`
	Title     string `json:"title"`
}

// installChromium runs scripts/chromium.sh, which prints the browser's
// path and installs Debian's chromium first when there is none.
func installChromium(t *testing.T) string {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), filepath.Join("..", "..", "scripts", "chromium.sh"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("scripts/chromium.sh: %v\n%s", err, stderr.String())
	}
	return strings.TrimSpace(string(out))
}

// browser starts a headless Chromium with a profile of its own that talks
// to no Google service.
func browser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(path),
		chromedp.NoSandbox, // root in CI
		chromedp.DisableGPU,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-first-run", true),
	)
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(cancelBrowser)
	return ctx
}

// imageServer serves a PNG of its own colour for every /img/ path, and
// records every path requested.
func imageServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		if !strings.HasPrefix(r.URL.Path, "/img/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write(pictureFor(r.URL.Path))
	}))
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(paths)
	}
}

func withPages(next http.Handler, pages map[string][]byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if page, ok := pages[r.URL.Path]; ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(page)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// pictureFor is a 240×240 PNG in a soft colour of its own with a diagonal
// band, so that the screenshot tells posts apart.
func pictureFor(path string) []byte {
	h := fnv.New32a()
	_, _ = h.Write([]byte(path))
	sum := h.Sum32()
	base := color.RGBA{R: 150 + uint8(sum%90), G: 150 + uint8(sum>>8%90), B: 150 + uint8(sum>>16%90), A: 255}
	band := color.RGBA{R: base.R - 60, G: base.G - 60, B: base.B - 60, A: 255}
	const size = 240
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	for y := range size {
		for x := range size {
			c := base
			if d := x - y; d > -40 && d < 40 {
				c = band
			}
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	_ = png.Encode(&b, img)
	return b.Bytes()
}

// onServer points the image URLs of a golden plan at the test server.
func onServer(plan []byte, base string) []byte {
	s := strings.ReplaceAll(string(plan), "https://cdn.example.com/", base+"/img/cdn/")
	return []byte(strings.ReplaceAll(s, "https://scontent.cdninstagram.com/", base+"/img/scontent/"))
}

func renderHTML(t *testing.T, plan []byte) []byte {
	t.Helper()
	return []byte(htmlOf(t, mustPreview(t, plan, Options{Dir: "testdata"})))
}

// savePNG keeps a screenshot in the test's output directory and, for the
// README's (readme), in docs/images/preview.png with UPDATE_GOLDEN=1.
func savePNG(t *testing.T, name string, shot []byte, readme bool) {
	t.Helper()
	if _, err := png.DecodeConfig(bytes.NewReader(shot)); err != nil {
		t.Fatalf("the screenshot is no PNG: %v", err)
	}
	dir := os.Getenv("PREVIEW_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", path, len(shot))
	if readme && os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(filepath.Join("..", "..", "docs", "images", "preview.png"), shot, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

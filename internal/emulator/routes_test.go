package emulator

import (
	"os"
	"strings"
	"testing"
)

// routeList is the route table as the package comment lists it: one route
// key a line.
func routeList() []string {
	var out []string
	for _, r := range allRoutes() {
		out = append(out, r.key())
	}
	for _, r := range uploadRoutes {
		out = append(out, routeKeyOf(r.method, kindUpload))
	}
	return out
}

// The package comment's route list is the route table, in its order.
func TestRouteTableDocumented(t *testing.T) {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var documented []string
	for _, line := range strings.Split(string(src), "\n") {
		if key, ok := strings.CutPrefix(line, "//\t"); ok && strings.Contains(key, " /") {
			documented = append(documented, strings.TrimSpace(key))
		}
	}
	want := routeList()
	if strings.Join(documented, "\n") != strings.Join(want, "\n") {
		t.Fatalf("doc.go lists the routes\n\t%s\nwant (routes.go)\n\t%s", strings.Join(documented, "\n\t"), strings.Join(want, "\n\t"))
	}
}

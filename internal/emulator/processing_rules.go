package emulator

import (
	"strings"
)

// ProcessingRule forces how media processing ends for containers whose media
// URL (image, video or cover) contains URLContains: Outcome "ERROR" with
// Subcode (a publishing error subcode such as 2207026), or "EXPIRED". Meta's
// real outcomes depend on the media file; tests need to choose them.
type ProcessingRule struct {
	URLContains string `json:"url_contains"`
	Outcome     string `json:"outcome"` // "ERROR" or "EXPIRED"
	Subcode     int    `json:"subcode,omitempty"`
}

// AddProcessingRule adds a rule for containers created from now on. Reset
// clears the rules.
func (s *Server) AddProcessingRule(r ProcessingRule) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.st.processingRules = append(s.st.processingRules, r)
}

// applyProcessingRules marks a new container with the outcome a rule forces.
// Called with s.mu held.
func (s *Server) applyProcessingRules(c *container) {
	for _, r := range s.st.processingRules {
		if r.URLContains == "" {
			continue
		}
		for _, u := range []string{c.imageURL, c.videoURL, c.coverURL} {
			if u == "" || !strings.Contains(u, r.URLContains) {
				continue
			}
			switch r.Outcome {
			case "EXPIRED":
				c.forceExpired = true
			default:
				c.failSubcode = r.Subcode
				if c.failSubcode == 0 {
					c.failSubcode = 2207001
				}
			}
			return
		}
	}
}
